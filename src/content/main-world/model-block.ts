/**
 * The blocked models the hook applies (core/model-block): the list the background compiled from
 * the settings, handed over by the isolated script on the private line (relay.ts). Until it has
 * arrived, a request naming a model waits for it briefly (fetch) rather than slip through at the
 * start of a page; a list that never comes (the extension was reloaded) lets requests go.
 */
import { EMPTY_MODEL_BLOCK_LIST, type ModelBlockList, modelBlockOf } from '../../core/model-block/model-block-list.ts';
import { later, parseJson } from './natives.ts';

/** How long a request naming a model waits for the list at the start of a page. */
const WAIT_FOR_LIST_MS = 300;

let list: ModelBlockList | undefined;
let waiting: Array<() => void> = [];

function release(): void {
  const run = waiting;
  waiting = [];
  for (const fn of run) {
    try {
      fn();
    } catch {
      // One caller's failure is its own.
    }
  }
}

/** A list from the line: parsed with the original JSON.parse; anything malformed is ignored. */
export function setModelBlockList(detail: unknown): void {
  if (typeof detail !== 'string' || detail.length > 1_000_000) return;
  try {
    const parsed = parseJson(detail) as ModelBlockList;
    if (typeof parsed !== 'object' || parsed === null || !Array.isArray(parsed.families)) return;
    list = parsed;
  } catch {
    return;
  }
  release();
}

export const modelListReady = () => list !== undefined;

/** Runs `fn` once the list is here, or after the wait, whichever comes first. */
export function whenModelListReady(fn: () => void): void {
  if (list) return fn();
  if (!waiting.length) later(() => release(), WAIT_FOR_LIST_MS);
  waiting.push(fn);
}

export const stoppedFamily = (host: string, model: string) => modelBlockOf(list ?? EMPTY_MODEL_BLOCK_LIST, host, model);
