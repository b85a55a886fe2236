/**
 * Opens the first-run page once, on a fresh install (src/core/first-run/first-run-decision.ts).
 * The decision is stored before the tab opens, so neither a worker restart nor a browser restart
 * can show the page again. The install event may be what starts the worker, and reading the
 * managed policy can take seconds then: this waits for it on its own, apart from protection.
 */
import browser from 'webextension-polyfill';
import { POLICY_CACHE_KEY } from '../core/constants.ts';
import { FIRST_RUN_KEY, FIRST_RUN_PAGE, type FirstRunRecord, firstRunDecision, type PolicyRead } from '../core/first-run/first-run-decision.ts';
import { readManagedPolicy } from './managed-policy.ts';
import type { CachedPolicy } from './settings-store.ts';

/** The policy as read now or, when that read fails, as last read (cached by settings-store.ts). */
async function policyRead(): Promise<PolicyRead> {
  const read = await readManagedPolicy();
  if (read.ok) return { ok: true, raw: read.raw };
  const cached = (await browser.storage.local.get(POLICY_CACHE_KEY))[POLICY_CACHE_KEY] as CachedPolicy | undefined;
  return cached ? { ok: true, raw: cached.raw } : { ok: false };
}

export async function openFirstRun(reason: string): Promise<void> {
  if (reason !== 'install') return;
  try {
    const alreadyDecided = (await browser.storage.local.get(FIRST_RUN_KEY))[FIRST_RUN_KEY] !== undefined;
    const decision = firstRunDecision({ reason, alreadyDecided, policy: alreadyDecided ? { ok: false } : await policyRead() });
    if (decision === 'not-install' || decision === 'already-shown') return;
    const record: FirstRunRecord = { decision, at: Date.now() };
    await browser.storage.local.set({ [FIRST_RUN_KEY]: record });
    if (decision === 'open') await browser.tabs.create({ url: browser.runtime.getURL(FIRST_RUN_PAGE) });
  } catch (error) {
    console.error('the first-run page could not be opened:', error);
  }
}
