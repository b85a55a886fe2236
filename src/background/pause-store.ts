/** The paused sites (site → end of the pause, ms) as stored in storage.session; see pause-site.ts. */
import browser from 'webextension-polyfill';
import type { Pauses } from '../core/block-actions/pause.ts';
import { PAUSES_KEY } from '../core/constants.ts';

export async function readPauses(): Promise<Pauses> {
  const stored = (await browser.storage.session.get(PAUSES_KEY))[PAUSES_KEY];
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number'));
}
