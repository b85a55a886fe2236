/**
 * Entry point of every runtime message. Who may send what is decided by the sender, which the
 * browser fills in and a page cannot forge: extension pages (popup, options) may query state;
 * content scripts, which run beside hostile pages, may only report what they saw and ask about
 * (or, after a trusted click, dismiss) the in-page warning of their own page. A content script's
 * sender URL is its web page's, so a ui-to-bg message from one is parsed as content and refused.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { parseContentToBg, parseUiToBg } from '../core/messages.ts';
import { onObserved } from './on-observed.ts';
import { onPageLeft, onPageSeen } from './on-page-seen.ts';
import { getTabState } from './tab-store.ts';
import { settingsView } from './settings-view.ts';
import { updateUserSettings } from './settings-store.ts';
import { applyRules } from './apply-rules.ts';
import { allowOnce } from './allow-once.ts';
import { justifySite } from './justify-site.ts';
import { dismissWarning, getWarning, openWarningDetails, warningChanged, warningOffSites, warningOnForSite } from './on-warning.ts';
import { pauseSite, resumeSite, runningPauses } from './pause-site.ts';

function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

export async function onMessage(raw: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  if (sender.id !== browser.runtime.id) return undefined;
  if (isExtensionPage(sender)) {
    const parsed = parseUiToBg(raw);
    if (!parsed.ok) return reject(parsed.error, sender);
    const { message } = parsed;
    switch (message.type) {
      case 'ui-to-bg/get-tab-state':
        return (await getTabState(message.tabId)) ?? null;
      case 'ui-to-bg/get-settings':
        return settingsView();
      case 'ui-to-bg/update-settings': {
        const result = await updateUserSettings(message.patch);
        if (!result.ok) return result;
        // The reply waits for the rules: when the popup says "blocked", the browser blocks.
        await applyRules('settings changed');
        // Banners on open pages show the new state at once (a block just made, an allow).
        void warningChanged().catch(() => undefined);
        return { ok: true, view: await settingsView() };
      }
      case 'ui-to-bg/allow-once':
        return allowOnce(message.url, sender);
      case 'ui-to-bg/justify':
        return justifySite(message.url, message.reason, sender);
      case 'ui-to-bg/warning-off-sites':
        return warningOffSites();
      case 'ui-to-bg/warning-on-for-site':
        return warningOnForSite(message.site);
      case 'ui-to-bg/pause-site':
        return pauseSite(message.site);
      case 'ui-to-bg/resume-site':
        return resumeSite(message.site);
      case 'ui-to-bg/get-pauses':
        return runningPauses();
    }
  }
  const parsed = parseContentToBg(raw);
  if (!parsed.ok) return reject(parsed.error, sender);
  const { message } = parsed;
  switch (message.type) {
    case 'content-to-bg/page-seen':
      return onPageSeen(message, sender);
    case 'content-to-bg/page-left':
      return onPageLeft(message, sender);
    case 'content-to-bg/observed':
      return onObserved(message, sender);
    case 'content-to-bg/get-warning':
      return getWarning(message, sender);
    case 'content-to-bg/dismiss-warning':
      return dismissWarning(sender);
    case 'content-to-bg/warning-details':
      return openWarningDetails(sender);
  }
}

function reject(error: string, sender: Runtime.MessageSender): { ok: false; error: string } {
  console.warn('message refused:', error, 'from', sender.url?.slice(0, 200));
  return { ok: false, error };
}
