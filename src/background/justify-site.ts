/**
 * Justify mode (core/block-actions/justify.ts): the block page sends the blocked address and the
 * reason the person typed; the decision is checked again here (the page's view may be stale or
 * forged), the reason is cleaned and recorded in the audit log (and so, where the policy
 * configures reporting, sent to the organization's collector), and the site opens until the end
 * the policy sets.
 *
 * Open sites live in storage.local (site → end) and as session rules, rebuilt from what is stored
 * and the settings in force whenever either changes, when the alarm for the next end fires, and
 * on every start of the worker (session rules are gone after a browser restart; the stored end is
 * not).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { decide } from '../core/block-decision.ts';
import { cleanReason, type Justified, justifyRefusal, justifySessionRules, liveJustified, nextJustifiedEnd } from '../core/block-actions/justify.ts';
import { JUSTIFIED_KEY, JUSTIFY_RULE_IDS } from '../core/constants.ts';
import { httpHostOf } from '../core/hostname.ts';
import type { JustifyResponse } from '../core/messages.ts';
import { blockEvent } from './audit-blocks.ts';
import { recordAudit } from './audit-log.ts';
import { isBlockPageUrl } from './block-page-url.ts';
import { serialQueue } from './serial.ts';
import { currentState } from './settings-store.ts';
import { alarmAt, readEndTimes, replaceSessionRulesInRange } from './timed-grants.ts';

export const JUSTIFY_ALARM = 'justify-end';

/** Changes of the open sites, one after another (a block page, an alarm and a settings change may meet). */
const serial = serialQueue();

const readJustified = (): Promise<Justified> => readEndTimes(browser.storage.local, JUSTIFIED_KEY);

async function apply(grants: Justified): Promise<Justified> {
  const { settings, db } = await currentState();
  const live = liveJustified(grants, settings, Date.now());
  await browser.storage.local.set({ [JUSTIFIED_KEY]: live });
  await replaceSessionRulesInRange(JUSTIFY_RULE_IDS, justifySessionRules(live, settings, db));
  await alarmAt(JUSTIFY_ALARM, nextJustifiedEnd(live));
  return live;
}

/** Brings the open sites in line with the clock and the settings (worker start, alarm, settings change). */
export function syncJustified(): Promise<Justified> {
  return serial(async () => apply(await readJustified()));
}

/** The sites open now, with their ends (the warning and the popup treat them as allowed). */
export async function justifiedNow(): Promise<Justified> {
  const now = Date.now();
  return Object.fromEntries(Object.entries(await readJustified()).filter(([, until]) => until > now));
}

export function justifySite(url: string, rawReason: string, sender: Runtime.MessageSender): Promise<JustifyResponse> {
  return serial(async () => {
    // Only the block page, as the top document of a tab, asks (as for allow once).
    if (sender.tab?.id === undefined || sender.frameId !== 0 || !isBlockPageUrl(sender.url)) return { ok: false, error: 'only the block page may open a site with a reason' };
    const host = httpHostOf(url);
    if (!host) return { ok: false, error: 'not an http(s) address' };
    const reason = cleanReason(rawReason);
    if (!reason) return { ok: false, error: 'the reason must be 3 to 300 characters' };
    const { settings, db } = await currentState();
    const decision = decide(settings, db, { host, navigation: true });
    const refusal = justifyRefusal(settings, decision, host);
    if (refusal) return { ok: false, error: refusal };
    const until = Date.now() + settings.justifyMinutes * 60_000;
    const live = await apply({ ...(await readJustified()), [host]: until });
    if (live[host] !== until) return { ok: false, error: 'too many sites open with a reason' };
    await recordAudit(sender.tab.id, { ...blockEvent(db, decision, host, { tabId: sender.tab.id, host, navigation: true, kind: 'navigation', time: Date.now() }), type: 'justify', reason });
    return { ok: true, until };
  });
}

export function watchJustified(): void {
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === JUSTIFY_ALARM) void syncJustified().catch((error: unknown) => console.error('sites opened with a reason not brought up to date:', error));
  });
}
