/**
 * Keeps the browser's dynamic declarativeNetRequest rules equal to what the settings and policy
 * compile to (core/block-rules.ts). Every update replaces the whole set in one
 * updateDynamicRules call, so the browser never holds half of an old and half of a new set, and
 * it removes every ID it finds, so rules of an older version or outside the fixed ranges go too.
 */
import browser from 'webextension-polyfill';
import { compileBlockRules } from '../core/block-rules.ts';
import { BLOCK_PAGE_PATH, BLOCKED_HOSTS_KEY, DETECTION_MARKERS_KEY, MODEL_BLOCK_KEY, MODEL_BLOCK_PARAM, MODEL_BLOCK_RULE_ID, RULES_STATUS_KEY } from '../core/constants.ts';
import { detectionMarkersOf } from '../core/detection/detection-hints.ts';
import { modelBlockListOf } from '../core/model-block/model-block-list.ts';
import { blockedHostsOf } from '../core/browser-traffic/blocked-hosts.ts';
import type { DnrRule } from '../core/dnr-rule.ts';
import type { RulesStatus } from '../core/settings-view.ts';
import { refreshAllowOnce } from './allow-once.ts';
import { applyNetworkPrediction } from './network-prediction.ts';
import { applyReportingRules } from './reporting-headers.ts';
import { scheduleExceptionEnd } from './exception-expiry.ts';
import { syncJustified } from './justify-site.ts';
import { syncPauses } from './pause-site.ts';
import { serialQueue } from './serial.ts';
import { currentState } from './settings-store.ts';

type BrowserRule = browser.DeclarativeNetRequest.Rule;

const serial = serialQueue();

/** Rules left out one by one when the browser refuses them, before giving up on an update. */
const MAX_REFUSED_RULES = 10;

/** Recompiles and applies the rules; calls run one after another. */
export function applyRules(reason: string): Promise<void> {
  return serial(() => apply(reason));
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
    let rules = compiled.rules;
    // The browser refuses the whole update for one rule it cannot take (Chrome names it: "Rule
    // with id 4002 was skipped as the regexFilter value exceeded the 2KB memory limit"). Keeping
    // the old set would then ignore every change; leaving out only the refused rule keeps the
    // rest of the protection. Each refusal is reported.
    for (let attempt = 0; attempt <= MAX_REFUSED_RULES; attempt++) {
      try {
        await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds: existing.map((r) => r.id), addRules: rules as BrowserRule[] });
        console.info(`block rules applied (${reason}): ${rules.length} rules`);
        status.rules = rules.length;
        break;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const refused = Number(/rule with id (\d+)/i.exec(message)?.[1]);
        status.error = status.error ? `${status.error}; ${message}` : message;
        console.error(`block rules not applied (${reason}):`, message);
        if (!rules.some((r) => r.id === refused)) break; // nothing to leave out: the previous set stays
        rules = rules.filter((r) => r.id !== refused);
      }
    }
  }
  // Traffic the browser makes for a page (reporting uploads, prediction) never meets the rules above.
  const blockedHosts = blockedHostsOf(state.settings, state.db);
  const reportingError = await applyReportingRules(blockedHosts, state.settings.strictNetwork).catch((error: unknown) => String(error));
  if (reportingError) status.reportingError = reportingError;
  status.networkPrediction = await applyNetworkPrediction(state.settings.strictNetwork).catch(() => 'not-controllable' as const);
  await browser.storage.local.set({ [RULES_STATUS_KEY]: status, [MODEL_BLOCK_KEY]: modelBlockListOf(state.settings, state.db), [BLOCKED_HOSTS_KEY]: blockedHosts,
    // The widget markers content scripts check after load: the database's and the organization's.
    [DETECTION_MARKERS_KEY]: detectionMarkersOf(state.db.providers),
  });
  await ensureModelBlockRule().catch((error: unknown) => console.error('model-block rule not set:', error));
  // "Allow once" grants outrank these rules; one the organization has since overruled goes now.
  await refreshAllowOnce().catch((error: unknown) => console.error('allow-once grants not brought up to date:', error));
  // Pauses likewise (withdrawn when bypassing is no longer allowed); badges show the new blocks.
  await syncPauses().catch((error: unknown) => console.error('pauses not brought up to date:', error));
  // Sites opened with a reason: closed when the mode or the organization's site blocks no longer allow them.
  await syncJustified().catch((error: unknown) => console.error('sites opened with a reason not brought up to date:', error));
  // Exceptions that end: the rules are rebuilt when the first one in force does.
  await scheduleExceptionEnd().catch((error: unknown) => console.error('end of an exception not scheduled:', error));
}

/**
 * The session rule that fails what the page hook re-sends for a request it stopped for its model
 * (core/model-block): above every allow, since the hook marks only requests the settings stop.
 */
/** What the hook re-sends: fetch and XHR, beacons, sockets and event streams (EventSource is `other`). */
const MODEL_BLOCK_TYPES = ['xmlhttprequest' as const, 'ping' as const, 'websocket' as const, 'other' as const];

async function ensureModelBlockRule(): Promise<void> {
  const rule = {
    id: MODEL_BLOCK_RULE_ID,
    priority: 1_000_000,
    action: { type: 'block' as const },
    condition: { urlFilter: `${MODEL_BLOCK_PARAM}=`, resourceTypes: MODEL_BLOCK_TYPES },
  };
  // Changing session rules flushes the back/forward cache: leave the rule alone when it is there.
  const present = (await browser.declarativeNetRequest.getSessionRules()).find((r) => r.id === MODEL_BLOCK_RULE_ID);
  const sameTypes = (present?.condition.resourceTypes ?? []).join() === MODEL_BLOCK_TYPES.join();
  if (present && present.priority === rule.priority && present.condition.urlFilter === rule.condition.urlFilter && present.action.type === 'block' && sameTypes) return;
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: [MODEL_BLOCK_RULE_ID], addRules: [rule as BrowserRule] });
}
