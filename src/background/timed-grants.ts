/**
 * What pauses (pause-site.ts) and sites opened with a reason (justify-site.ts) share: a stored
 * record of site → end (ms since epoch), and session rules in a fixed ID range rebuilt from it.
 */
import browser from 'webextension-polyfill';

export type EndTimes = Record<string, number>;

/** The stored record, keeping only numeric ends (storage a content script could reach is not trusted). */
export async function readEndTimes(area: browser.Storage.StorageArea, key: string): Promise<EndTimes> {
  const stored = (await area.get(key))[key];
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

/**
 * Makes the session rules in `range` equal to `rules`, leaving them alone when they already are
 * (changing session rules flushes the back/forward cache).
 */
export async function replaceSessionRulesInRange(range: { first: number; last: number }, rules: ReadonlyArray<{ id: number; condition: unknown }>): Promise<void> {
  const existing = (await browser.declarativeNetRequest.getSessionRules()).filter((r) => r.id >= range.first && r.id <= range.last);
  const same = existing.length === rules.length && JSON.stringify(existing.map((r) => [r.id, r.condition])) === JSON.stringify(rules.map((r) => [r.id, r.condition]));
  if (!same) await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: existing.map((r) => r.id), addRules: rules as browser.DeclarativeNetRequest.Rule[] });
}

/** The alarm `name` set for `end`, or cleared when there is none. */
export async function alarmAt(name: string, end: number | undefined): Promise<void> {
  if (!browser.alarms) return;
  if (end === undefined) await browser.alarms.clear(name);
  else browser.alarms.create(name, { when: end });
}
