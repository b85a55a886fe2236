/**
 * The user's settings (storage.local) and the last managed policy read (cached in
 * storage.local, because Chrome can take seconds to deliver the policy at start-up and the
 * protection must not wait for it). The background is the only writer of both.
 *
 * The computed state is memoised for this worker's lifetime only, and dropped whenever either
 * input changes; storage is the source of truth.
 */
import browser from 'webextension-polyfill';
import { POLICY_CACHE_KEY, USER_SETTINGS_KEY } from '../core/constants.ts';
import { database } from '../core/database.ts';
import { parseUserSettings, type SettingProblem } from '../core/policy-parse.ts';
import { type PolicyState, policyStateOf } from '../core/policy-state.ts';
import type { UserKey } from '../core/settings.ts';
import { readManagedPolicy } from './managed-policy.ts';

export interface CachedPolicy {
  raw: unknown;
  readAt: number;
  /** Why the latest read failed, when it did; `raw` is then the last good one. */
  error?: string;
}

export interface BackgroundState extends PolicyState {
  policyReadAt: number | null;
  policyError?: string;
}

let memo: Promise<BackgroundState> | undefined;
/** When the memo's settings stop being right: the first exception in force ends then. */
let memoEnds: number | undefined;

export function invalidateState(): void {
  memo = undefined;
  memoEnds = undefined;
}

async function loadState(): Promise<BackgroundState> {
  const stored = await browser.storage.local.get([USER_SETTINGS_KEY, POLICY_CACHE_KEY]);
  const cached = stored[POLICY_CACHE_KEY] as CachedPolicy | undefined;
  const state = policyStateOf(database, stored[USER_SETTINGS_KEY], cached?.raw);
  return { ...state, policyReadAt: cached?.readAt ?? null, ...(cached?.error ? { policyError: cached.error } : {}) };
}

export function currentState(): Promise<BackgroundState> {
  if (memoEnds !== undefined && Date.now() >= memoEnds) invalidateState();
  memo ??= loadState().then(
    (state) => {
      memoEnds = state.settings.nextExpiry;
      return state;
    },
    (error) => {
      memo = undefined;
      throw error;
    },
  );
  return memo;
}

/**
 * Reads the managed policy and caches it. Returns whether what applies changed. A failed read
 * keeps the last good policy and records why.
 */
export async function refreshPolicy(): Promise<boolean> {
  const read = await readManagedPolicy();
  const cached = (await browser.storage.local.get(POLICY_CACHE_KEY))[POLICY_CACHE_KEY] as CachedPolicy | undefined;
  const next: CachedPolicy = read.ok ? { raw: read.raw, readAt: Date.now() } : { raw: cached?.raw ?? {}, readAt: cached?.readAt ?? Date.now(), error: read.error };
  const changed = JSON.stringify(next.raw) !== JSON.stringify(cached?.raw ?? {});
  await browser.storage.local.set({ [POLICY_CACHE_KEY]: next });
  invalidateState();
  const state = await currentState();
  if (!read.ok) console.warn('managed policy could not be read, the last one read applies:', read.error);
  for (const p of state.policyProblems) console.warn(`managed policy: ${p.key}: ${p.reason}`);
  return changed;
}

export type UpdateResult = { ok: true } | { ok: false; error: string; problems?: SettingProblem[] };

/**
 * Changes some of the user's settings. A key the policy locks is refused whole, as is any value
 * that does not check out; nothing is written then. Other stored keys are kept as they are, even
 * ones this version cannot use.
 */
export function updateUserSettings(patch: Record<string, unknown>): Promise<UpdateResult> {
  // One write at a time: two changes arriving together would both read the old settings.
  const result = writes.then(() => writeUserSettings(patch));
  writes = result.catch(() => undefined);
  return result;
}

let writes: Promise<unknown> = Promise.resolve();

async function writeUserSettings(patch: Record<string, unknown>): Promise<UpdateResult> {
  const state = await currentState();
  const keys = Object.keys(patch);
  const locked = keys.filter((k) => state.settings.locked.includes(k as UserKey));
  if (locked.length) return { ok: false, error: `set by your organization: ${locked.join(', ')}` };
  const parsed = parseUserSettings(patch, (id) => state.db.provider(id) !== undefined);
  if (parsed.problems.length) return { ok: false, error: parsed.problems.map((p) => `${p.key}: ${p.reason}`).join('; '), problems: parsed.problems };
  const stored = (await browser.storage.local.get(USER_SETTINGS_KEY))[USER_SETTINGS_KEY];
  const base = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? stored : {};
  await browser.storage.local.set({ [USER_SETTINGS_KEY]: { ...base, ...parsed.value } });
  invalidateState();
  return { ok: true };
}
