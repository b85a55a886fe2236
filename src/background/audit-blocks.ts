/**
 * Block entries, from the browser's own record of what the extension's rules did (never from a
 * page): a top-level navigation redirected to the block page (webRequest.onBeforeRedirect), and
 * a sub-resource request that failed with the browser's error for a request an extension blocked
 * (BLOCKED_ERRORS) to a host that decide() says the settings block. Another extension (an ad
 * blocker) gives the same error; decide() is what tells ours apart.
 */
import { isEnforcing } from '../core/settings.ts';
import browser, { type WebRequest } from 'webextension-polyfill';
import { type Decision, candidatesOf, decide } from '../core/block-decision.ts';
import { factsFor } from '../core/facts.ts';
import { httpHostOf } from '../core/hostname.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { MODEL_BLOCK_PARAM } from '../core/constants.ts';
import { modelBlockListOf } from '../core/model-block/model-block-list.ts';
import { modelBlockOf } from '../core/model-block/model-block-match.ts';
import { applyBlockedRequest } from '../core/tab-state.ts';
import { type AuditEvent, recordAudit } from './audit-log.ts';
import { isBlockPageUrl } from './block-page-url.ts';
import { currentState } from './settings-store.ts';
import { getTabState, updateTabState } from './tab-store.ts';

/**
 * The error each browser reports to webRequest.onErrorOccurred for a request a
 * declarativeNetRequest rule blocked: Chrome's net::ERR_BLOCKED_BY_CLIENT, Firefox's
 * NS_ERROR_ABORT (seen in tests/e2e/firefox.e2e.test.ts). Firefox uses the same error for a
 * request the page aborted itself; such a request to a host the settings block would have been
 * blocked all the same, and decide() still has to say so.
 */
export const BLOCKED_ERRORS: ReadonlySet<string> = new Set(['net::ERR_BLOCKED_BY_CLIENT', 'NS_ERROR_ABORT']);

interface Blocked {
  tabId: number;
  host: string;
  navigation: boolean;
  kind: string;
  initiator?: string;
  time: number;
  /** The model a request named, when the page hook stopped it for that (core/model-block). */
  model?: string;
}

export function blockEvent(db: RiskDatabase, decision: Decision, site: string, blocked: Blocked): AuditEvent {
  const target = decision.target;
  const role = db.lookupHost(blocked.host)?.host.role;
  const facts = target && role && factsFor(db, { providerId: target.providerId, productId: target.productId, role });
  const rule = decision.rule;
  return {
    time: blocked.time,
    type: 'block',
    site,
    host: blocked.host,
    ...(target ? { providerId: target.providerId } : {}),
    ...(facts ? { providerName: facts.providerName, product: facts.productName, level: facts.level, ...(facts.operator ? { country: facts.operator.country } : {}) } : {}),
    kind: blocked.kind,
    ...(rule ? { rule: `${rule.tier} ${rule.scope} ${decision.matched ?? ''}`.trim() } : {}),
  };
}

/**
 * A request the page hook stopped for the model it named, as the browser reports the re-sent
 * request its session rule failed (MODEL_BLOCK_PARAM). Anything in the page could make such a
 * request: it counts only when the settings do block that model at that host.
 */
async function recordModelBlock(blocked: Blocked & { model: string }): Promise<void> {
  const [{ settings, db }, tab] = await Promise.all([currentState(), blocked.tabId >= 0 ? getTabState(blocked.tabId) : undefined]);
  const pageSite = tab?.url ? httpHostOf(tab.url) : undefined;
  const family = modelBlockOf(modelBlockListOf(settings, db), blocked.host, blocked.model, db.lookupHost(blocked.host) !== undefined, pageSite ?? blocked.initiator);
  if (!family) return;
  if (blocked.tabId >= 0) await updateTabState(blocked.tabId, (prev) => applyBlockedRequest(prev, blocked.tabId));
  const target = db.lookupHost(blocked.host);
  const builder = db.provider(family.builder);
  await recordAudit(blocked.tabId, {
    time: blocked.time,
    type: 'block',
    site: pageSite ?? blocked.initiator ?? '',
    host: blocked.host,
    ...(target ? { providerId: target.provider.id, providerName: target.provider.name, product: target.product.name } : {}),
    kind: blocked.kind,
    model: blocked.model,
    ...(builder?.operator ? { country: builder.operator.country } : {}),
    rule: family.builder ? `${family.rule} (model by ${builder?.name ?? family.builder})` : family.rule,
  });
}

/** The model a stopped request named, from the marker the page hook put in its URL. */
export function markedModel(url: string): string | undefined {
  try {
    const model = new URL(url).searchParams.get(MODEL_BLOCK_PARAM);
    return model ? model.slice(0, 256) : undefined;
  } catch {
    return undefined;
  }
}

async function recordBlock(blocked: Blocked): Promise<void> {
  const { settings, db } = await currentState();
  // A failed request to no host the database or the organization knows was not ours to block
  // (decide() has no candidate there): most of what reaches this, with an ad blocker.
  if (!blocked.navigation && (!isEnforcing(settings.mode) || !candidatesOf(db, blocked.host).length)) return;
  const tab = blocked.tabId >= 0 ? await getTabState(blocked.tabId) : undefined;
  const pageSite = tab?.url ? httpHostOf(tab.url) : undefined;
  const decision = decide(settings, db, {
    host: blocked.host,
    navigation: blocked.navigation,
    ...(blocked.initiator ? { initiator: blocked.initiator } : {}),
    ...(pageSite ? { pageSite } : {}),
  });
  // A navigation that reached the block page was ours; a failed request only when our settings block it.
  if (!blocked.navigation && (!isEnforcing(settings.mode) || decision.outcome !== 'block')) return;
  // The tab's count of blocked requests (popup, badge); the block page counts its own navigation.
  if (!blocked.navigation && blocked.tabId >= 0) await updateTabState(blocked.tabId, (prev) => applyBlockedRequest(prev, blocked.tabId));
  const site = blocked.navigation ? (blocked.initiator ?? '') : (pageSite ?? blocked.initiator ?? '');
  await recordAudit(blocked.tabId, blockEvent(db, decision, site, blocked));
}

type RedirectDetails = WebRequest.OnBeforeRedirectDetailsType;
type ErrorDetails = WebRequest.OnErrorOccurredDetailsType;

/** A request the browser reports twice (an error after a redirect, a retried event) is recorded once. */
const handled = new Set<string>();
function firstTime(requestId: string): boolean {
  if (handled.has(requestId)) return false;
  if (handled.size >= 1_000) handled.clear();
  handled.add(requestId);
  return true;
}

function onBeforeRedirect(details: RedirectDetails): void {
  if (details.type !== 'main_frame' || !isBlockPageUrl(details.redirectUrl) || !firstTime(details.requestId)) return;
  const host = httpHostOf(details.url);
  if (!host) return;
  const initiator = details.initiator ? httpHostOf(details.initiator) : undefined;
  void recordBlock({ tabId: details.tabId, host, navigation: true, kind: 'navigation', ...(initiator ? { initiator } : {}), time: Date.now() }).catch((error) =>
    console.error('blocked navigation not recorded:', error),
  );
}

function onErrorOccurred(details: ErrorDetails): void {
  if (!BLOCKED_ERRORS.has(details.error) || details.type === 'main_frame' || !firstTime(details.requestId)) return;
  const host = httpHostOf(details.url.replace(/^ws(s?):/, 'http$1:'));
  if (!host) return;
  const initiator = details.initiator ? httpHostOf(details.initiator) : undefined;
  const model = markedModel(details.url);
  if (model !== undefined) {
    void recordModelBlock({ tabId: details.tabId, host, navigation: false, kind: details.type, ...(initiator ? { initiator } : {}), time: Date.now(), model }).catch((error) =>
      console.error('request stopped for its model not recorded:', error),
    );
    return;
  }
  void recordBlock({ tabId: details.tabId, host, navigation: false, kind: details.type, ...(initiator ? { initiator } : {}), time: Date.now() }).catch((error) =>
    console.error('blocked request not recorded:', error),
  );
}

/**
 * Every request's redirect (top-level pages only) and failure is handed to the worker, which keeps
 * the blocks of its own rules. Filters of one pattern each: with one pattern per database host
 * and scheme (2,172 today), Chrome tested every request of every page against them, about 1 ms
 * before each page's first byte, and 11 ms with a catalog ten times today's (`npm run bench`,
 * BENCH_VERSUS). Another extension's blocks (an ad blocker's thousands) now reach the worker as
 * well; they end at a look-up of their host (recordBlock), before any storage is read.
 * Registered at start-up, so a block wakes a stopped worker, the organization's own services
 * included, and the requests the page hook stopped for their model (MODEL_BLOCK_PARAM) on any host.
 */
const EVERY_REQUEST = ['<all_urls>', 'ws://*/*', 'wss://*/*'];

export function watchBlocks(): void {
  if (!browser.webRequest?.onBeforeRedirect) return;
  browser.webRequest.onBeforeRedirect.addListener(onBeforeRedirect, { urls: EVERY_REQUEST, types: ['main_frame'] });
  browser.webRequest.onErrorOccurred.addListener(onErrorOccurred, { urls: EVERY_REQUEST });
}
