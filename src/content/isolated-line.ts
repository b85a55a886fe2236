/** What isolated-start.ts hands the rest of the isolated script (isolated.ts) in the frame's isolated world. */
import { ISOLATED_LINE_KEY } from '../core/constants.ts';
import type { Observation } from '../core/observation.ts';
import { openBridge } from './bridge.ts';

export interface IsolatedLine {
  /** Sends a text to the page hook on its private line (the blocked-model list, the blocked hosts). */
  toHook(event: string, detail: string): void;
  /** From now on the hook's reports go to `onObservation`, those kept so far first. */
  attach(onObservation: (obs: Observation) => void): void;
}

/**
 * The line isolated-start.ts took. Without it (that script did not run in this frame) the hook's
 * line is gone by now: a node of our own keeps the rest working, as openBridge does.
 */
export function isolatedLine(): IsolatedLine {
  const line = (globalThis as { [ISOLATED_LINE_KEY]?: IsolatedLine })[ISOLATED_LINE_KEY];
  if (line) return line;
  let deliver: ((obs: Observation) => void) | undefined;
  const toHook = openBridge((obs) => deliver?.(obs));
  return { toHook, attach: (fn) => void (deliver = fn) };
}
