/**
 * "Pause on this site for 1 hour" (popup): the paused sites live in storage.session (site → end)
 * and as session rules of the browser, which outlive this worker. Everything is rebuilt from the
 * stored pauses and the settings in force (syncPauses): when a pause starts or is resumed, when
 * the settings or the policy change (an organization that forbids bypassing withdraws every
 * pause), when the alarm set for the next end fires, and on every start of the worker, so an
 * ended pause's rules go even if the worker slept through its end.
 */
import browser from 'webextension-polyfill';
import { livePauses, nextPauseEnd, PAUSE_MS, pauseRefusal, pauseSessionRules, type Pauses } from '../core/block-actions/pause.ts';
import { PAUSE_RULE_IDS, PAUSES_KEY } from '../core/constants.ts';
import { normalizeHostname } from '../core/hostname.ts';
import type { PauseResponse } from '../core/messages.ts';
import { readPauses } from './pause-store.ts';
import { currentState } from './settings-store.ts';
import { serialQueue } from './serial.ts';
import { refreshBadges } from './show-badge.ts';
import { alarmAt, replaceSessionRulesInRange } from './timed-grants.ts';

/** Name of the alarm that ends the next pause. */
export const PAUSE_ALARM = 'pause-end';

/** Changes of the pauses, one after another (two popups, an alarm and a settings change may meet). */
const serial = serialQueue();

/** Stored pauses, session rules and the alarm made to agree with `pauses` and the settings now. */
async function apply(pauses: Pauses): Promise<Pauses> {
  const { settings } = await currentState();
  const live = livePauses(pauses, settings, Date.now());
  await browser.storage.session.set({ [PAUSES_KEY]: live });
  await replaceSessionRulesInRange(PAUSE_RULE_IDS, pauseSessionRules(live));
  await alarmAt(PAUSE_ALARM, nextPauseEnd(live));
  await refreshBadges();
  return live;
}

/** Brings the pauses in line with the clock and the settings (worker start, alarm, settings change). */
export function syncPauses(): Promise<Pauses> {
  return serial(async () => apply(await readPauses()));
}

export function pauseSite(site: string): Promise<PauseResponse> {
  return serial(async () => {
    const name = normalizeHostname(site);
    const refusal = pauseRefusal((await currentState()).settings, name);
    if (refusal) return { ok: false, error: refusal };
    const until = Date.now() + PAUSE_MS;
    const live = await apply({ ...(await readPauses()), [name]: until });
    return live[name] === until ? { ok: true, until } : { ok: false, error: 'too many sites paused' };
  });
}

export function resumeSite(site: string): Promise<{ ok: boolean }> {
  return serial(async () => {
    const { [normalizeHostname(site)]: _ended, ...rest } = await readPauses();
    await apply(rest);
    return { ok: true };
  });
}

/** The pauses running now (the popup shows "Paused until 14:32"). */
export async function runningPauses(): Promise<Pauses> {
  const now = Date.now();
  return Object.fromEntries(Object.entries(await readPauses()).filter(([, until]) => until > now));
}

export function watchPauses(): void {
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === PAUSE_ALARM) void syncPauses().catch((error: unknown) => console.error('pauses not brought up to date:', error));
  });
  // No sync here: every start of the worker applies the rules (index.ts), which syncs the pauses.
}
