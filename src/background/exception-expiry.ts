/**
 * Exceptions that end (core/exceptions): dynamic rules carry no end of their own, so the worker
 * rebuilds them when the first exception in force ends. An alarm set for that moment wakes a
 * sleeping worker; every start of the worker rebuilds the rules anyway (index.ts), and the
 * settings memo drops itself once that moment has passed (settings-store.ts), so an ended
 * exception applies to no decision the worker makes, even before the alarm fires.
 */
import browser from 'webextension-polyfill';
import { applyRules } from './apply-rules.ts';
import { currentState, invalidateState } from './settings-store.ts';

export const EXCEPTION_ALARM = 'exception-end';

/** The alarm follows the first end in force (after each rules update). */
export async function scheduleExceptionEnd(): Promise<void> {
  if (!browser.alarms) return;
  const { settings } = await currentState();
  if (settings.nextExpiry === undefined) await browser.alarms.clear(EXCEPTION_ALARM);
  // Chrome fires a packed extension's alarm no sooner than 30 s after it is set, which keeps an end within a minute.
  else browser.alarms.create(EXCEPTION_ALARM, { when: Math.max(settings.nextExpiry, Date.now() + 500) });
}

export function watchExceptionEnds(): void {
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name !== EXCEPTION_ALARM) return;
    invalidateState();
    void applyRules('an exception ended').catch((error: unknown) => console.error('block rules not brought up to date after an exception ended:', error));
  });
}
