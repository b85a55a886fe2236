/**
 * Keeps the browser's dynamic declarativeNetRequest rules equal to what the settings and policy
 * compile to (core/block-rules.ts). Every update replaces the whole set in one
 * updateDynamicRules call, so the browser never holds half of an old and half of a new set, and
 * it removes every ID it finds, so rules of an older version or outside the fixed ranges go too.
 */
import browser from 'webextension-polyfill';
import { compileBlockRules } from '../core/block-rules.ts';
import { BLOCK_PAGE_PATH, RULES_STATUS_KEY } from '../core/constants.ts';
import type { DnrRule } from '../core/dnr-rule.ts';
import type { RulesStatus } from '../core/settings-view.ts';
import { currentState } from './settings-store.ts';

type BrowserRule = browser.DeclarativeNetRequest.Rule;

let chain: Promise<unknown> = Promise.resolve();

/** Recompiles and applies the rules; calls run one after another. */
export function applyRules(reason: string): Promise<void> {
  const run = chain.then(() => apply(reason));
  chain = run.catch(() => undefined);
  return run;
}

/** Rules as the browser hands them back may carry defaults; compare what both sides set. */
function canonical(rules: ReadonlyArray<DnrRule | BrowserRule>): string {
  const sorted = [...rules].sort((a, b) => a.id - b.id);
  return JSON.stringify(sorted, (key, value) => (key === 'isUrlFilterCaseSensitive' && value === false ? undefined : value));
}

async function apply(reason: string): Promise<void> {
  const state = await currentState();
  const compiled = compileBlockRules(state.settings, state.db, browser.runtime.getURL(BLOCK_PAGE_PATH));
  for (const problem of compiled.problems) console.warn('block rules:', problem);
  const existing = await browser.declarativeNetRequest.getDynamicRules();
  const status: RulesStatus = { ...compiled.stats, appliedAt: Date.now(), problems: compiled.problems };
  if (canonical(existing) !== canonical(compiled.rules)) {
    try {
      await browser.declarativeNetRequest.updateDynamicRules({
        removeRuleIds: existing.map((r) => r.id),
        addRules: compiled.rules as BrowserRule[],
      });
      console.info(`block rules applied (${reason}): ${compiled.stats.rules} rules`);
    } catch (error) {
      // The browser keeps the previous set whole when it refuses an update.
      status.error = error instanceof Error ? error.message : String(error);
      console.error(`block rules not applied (${reason}):`, status.error);
    }
  }
  await browser.storage.local.set({ [RULES_STATUS_KEY]: status });
}
