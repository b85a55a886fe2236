/**
 * Whether the first-run page opens (src/background/first-run.ts): once, on a fresh install only
 * (never on an update or a browser update), and not when the organization's policy sets `mode`:
 * there an admin has decided how the extension acts, and a page telling the user about modes
 * they cannot choose would only confuse.
 */

/** What the managed policy read gave: its raw object, or that it could not be read. */
export type PolicyRead = { ok: true; raw: unknown } | { ok: false };

/** Why the page is not opened, or `open`. Stored, so support can tell what happened. */
export type FirstRunDecision = 'open' | 'not-install' | 'already-shown' | 'policy-sets-mode' | 'policy-unreadable';

export interface FirstRunInput {
  /** runtime.onInstalled's `reason` (`install`, `update`, `chrome_update`, `browser_update`, …). */
  reason: string;
  /** Whether the page was opened (or the decision taken) before. */
  alreadyDecided: boolean;
  policy: PolicyRead;
}

/** Whether a policy object names `mode` at all: an admin who set it (even wrongly) manages the mode. */
export function policySetsMode(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.hasOwn(raw, 'mode');
}

export function firstRunDecision({ reason, alreadyDecided, policy }: FirstRunInput): FirstRunDecision {
  if (reason !== 'install') return 'not-install';
  if (alreadyDecided) return 'already-shown';
  // Unread, an organization's policy might set the mode: an unwanted page is worse than none.
  if (!policy.ok) return 'policy-unreadable';
  return policySetsMode(policy.raw) ? 'policy-sets-mode' : 'open';
}

/** storage.local key of the decision, written once: the page never opens twice. */
export const FIRST_RUN_KEY = 'first-run';

/** What is stored under FIRST_RUN_KEY. */
export interface FirstRunRecord {
  decision: Exclude<FirstRunDecision, 'not-install' | 'already-shown'>;
  at: number;
}

/** Extension page opened on first run. */
export const FIRST_RUN_PAGE = 'welcome.html';
