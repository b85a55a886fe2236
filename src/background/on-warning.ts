/**
 * The in-page warning, asked for by the top frame's content script (src/content/page-warning.ts).
 * The background decides (core/warning/page-warning.ts) from what the browser says about the sender and
 * from the tab's stored findings: a page can only ask when, never what. A dismissal is recorded
 * for the sender's own site only (and refused while the organization locks the warning on), and
 * the details open the popup view of the sender's own tab. When the settings or the policy change,
 * tabs that show the banner are told to ask again, so it shows the new state at once.
 */
import { isEnforcing } from '../core/settings.ts';
import browser, { type Runtime } from 'webextension-polyfill';
import { ALLOW_ONCE_RULE_IDS, MAX_DISMISSED_SITES, WARNING_DISMISSED_KEY } from '../core/constants.ts';
import { httpHostOf } from '../core/hostname.ts';
import type { BgToContentWarningChanged, ContentToBgGetWarning, PageWarningView, WarningOffSites } from '../core/messages.ts';
import { pageWarning, warningLockedOn, withDismissed } from '../core/warning/page-warning.ts';
import { t } from '../shared/t.ts';
import { isActiveDocument } from './sender.ts';
import { currentState } from './settings-store.ts';
import { getTabState } from './tab-store.ts';
import { justifiedNow } from './justify-site.ts';
import { reportWarning } from './reporting/report-sink.ts';
import { messageIn } from '../core/guidance/guidance-policy.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';

/** The tab and host of a top-frame sender that is what its tab shows; undefined otherwise. */
function topPage(sender: Runtime.MessageSender): { tabId: number; host: string } | undefined {
  const tabId = sender.tab?.id;
  const host = sender.url === undefined ? undefined : httpHostOf(sender.url);
  if (tabId === undefined || tabId < 0 || sender.frameId !== 0 || !host || !isActiveDocument(sender)) return undefined;
  return { tabId, host };
}

async function dismissedSites(): Promise<string[]> {
  const stored = (await browser.storage.local.get(WARNING_DISMISSED_KEY))[WARNING_DISMISSED_KEY];
  return Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];
}

/** The hosts allowed once from the block page in this session (their navigation rule names them). */
/** Hosts allowed once in this session, and those opened with a reason that are still open. */
async function allowedOnceHosts(): Promise<string[]> {
  const [rules, justified] = await Promise.all([browser.declarativeNetRequest.getSessionRules(), justifiedNow()]);
  return rules
    .filter((r) => r.id >= ALLOW_ONCE_RULE_IDS.first && r.id <= ALLOW_ONCE_RULE_IDS.last && r.condition.resourceTypes?.includes('main_frame'))
    .flatMap((r) => r.condition.requestDomains?.slice(0, 1) ?? [])
    .concat(Object.keys(justified));
}

export async function getWarning(message: ContentToBgGetWarning, sender: Runtime.MessageSender): Promise<PageWarningView | null> {
  const page = topPage(sender);
  if (!page) return null;
  // On opening only the page itself counts: its findings are not read (every top page asks).
  const [{ settings, db, policy }, state, dismissed] = await Promise.all([currentState(), message.trigger === 'input' ? getTabState(page.tabId) : undefined, dismissedSites()]);
  // Only an AI product's own page in block mode can be one whose block is lifted by allow once.
  const allowedOnce = isEnforcing(settings.mode) && db.lookupHost(page.host) ? await allowedOnceHosts() : [];
  const view = pageWarning({ settings, db, pageHost: page.host, trigger: message.trigger, state, dismissed, allowedOnce, ...(policy.approvedAlternatives ? { alternatives: policy.approvedAlternatives } : {}) }, t);
  if (!view) return null;
  void reportWarning('warning-shown', page.tabId, page.host, view.kind).catch((error: unknown) => console.error('reporting: warning not queued:', error));
  const orgMessage = messageIn(policy.organizationMessage, intlLocaleOf(t));
  return { ...view, ...(orgMessage ? { orgMessage } : {}), ...(policy.supportUrl ? { supportUrl: policy.supportUrl } : {}) };
}

export async function dismissWarning(sender: Runtime.MessageSender): Promise<{ ok: boolean }> {
  const page = topPage(sender);
  if (!page || warningLockedOn((await currentState()).settings)) return { ok: false };
  await browser.storage.local.set({ [WARNING_DISMISSED_KEY]: withDismissed(await dismissedSites(), page.host, MAX_DISMISSED_SITES) });
  void reportWarning('warning-dismissed', page.tabId, page.host, 'dismissed').catch((error: unknown) => console.error('reporting: dismissal not queued:', error));
  return { ok: true };
}

/** The popup's view of the sender's tab, in a new tab next to it (popup.html?tab=<id>). */
export async function openWarningDetails(sender: Runtime.MessageSender): Promise<{ ok: boolean }> {
  const page = topPage(sender);
  if (!page) return { ok: false };
  await browser.tabs.create({ url: browser.runtime.getURL(`popup.html?tab=${page.tabId}`), openerTabId: page.tabId, ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}) });
  return { ok: true };
}

/** For the options page: where the user turned the warning off, and whether the organization overrules that. */
export async function warningOffSites(): Promise<WarningOffSites> {
  const [sites, { settings }] = await Promise.all([dismissedSites(), currentState()]);
  return { sites, overruled: warningLockedOn(settings) };
}

/** From the options page: the warning shows on `site` again (from its next question on). */
export async function warningOnForSite(site: string): Promise<{ ok: boolean }> {
  const sites = await dismissedSites();
  if (!sites.includes(site)) return { ok: false };
  await browser.storage.local.set({ [WARNING_DISMISSED_KEY]: sites.filter((s) => s !== site) });
  return { ok: true };
}

/**
 * After a change of settings or policy (once the browser's rules are in place, so the line the
 * banner then shows is what the browser does): every top frame showing the banner asks again.
 * Only those listen, so for the other tabs the browser finds no receiver, which is not an error.
 */
export async function warningChanged(): Promise<void> {
  const message: BgToContentWarningChanged = { type: 'bg-to-content/warning-changed' };
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined))));
}
