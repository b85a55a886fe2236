/** Review dates (`YYYY-MM-DD`) as the database validators accept them. */

/** Why a `YYYY-MM-DD` review date is unusable, or undefined when it is fine. */
export function reviewDateProblem(date: string, today: string): string | undefined {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(y, m - 1, d));
  // Date.UTC rolls 2026-02-31 over to March; a real date survives the round trip.
  if (parsed.getUTCFullYear() !== y || parsed.getUTCMonth() !== m - 1 || parsed.getUTCDate() !== d) return `${date} is not a calendar date`;
  // One day of slack for contributors ahead of the build machine's time zone.
  const latest = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  if (date > latest) return `${date} is in the future`;
  return undefined;
}
