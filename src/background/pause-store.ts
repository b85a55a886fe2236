/** The paused sites (site → end of the pause, ms) as stored in storage.session; see pause-site.ts. */
import browser from 'webextension-polyfill';
import type { Pauses } from '../core/block-actions/pause.ts';
import { PAUSES_KEY } from '../core/constants.ts';
import { readEndTimes } from './timed-grants.ts';

export function readPauses(): Promise<Pauses> {
  return readEndTimes(browser.storage.session, PAUSES_KEY);
}
