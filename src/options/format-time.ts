/** A moment as people read it in their own locale: "12 Mar 2026, 14:05". */
export function formatTime(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
