/**
 * `popup.html?tab=<id>` shows that tab (tests, admins and support staff open it that way);
 * without the parameter the popup shows the active tab.
 */
export function tabIdFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d{1,15}$/.test(raw)) return undefined;
  return Number(raw);
}
