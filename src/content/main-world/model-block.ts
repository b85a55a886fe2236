/**
 * The blocked models the hook applies (core/model-block): the list the background compiled from
 * the settings, handed over by the isolated script on the private line (relay.ts) a few
 * milliseconds after the page starts (storage is read asynchronously). Until it has arrived, a
 * `fetch` naming a model waits for it (whenListed): fetch answers with a promise anyway, so the
 * page sees only a later start. XHR, beacons and sockets answer at once and cannot wait; their
 * first moments are a documented limit (docs/policy.md).
 */
import { EMPTY_MODEL_BLOCK_LIST, type ModelBlockList, modelBlockOf } from '../../core/model-block/model-block-match.ts';
import { later, parseJson } from './natives.ts';

let list: ModelBlockList | undefined;
let waiting: Array<() => void> | undefined;

/** How long a fetch waits for a list that does not come (the isolated script did not run). */
const MAX_WAIT_MS = 1000;

function release(): void {
  const callbacks = waiting;
  waiting = undefined;
  if (!callbacks) return;
  for (let i = 0; i < callbacks.length; i++) {
    try {
      callbacks[i]!();
    } catch {
      // Each callback settles its own promise.
    }
  }
}

/** Whether the list has arrived (then decisions are final at once). */
export const listed = () => list !== undefined;

/** Runs `fn` once the list has arrived, or after MAX_WAIT_MS without it. */
export function whenListed(fn: () => void): void {
  if (list !== undefined) return fn();
  if (!waiting) {
    waiting = [];
    later(release, MAX_WAIT_MS);
  }
  waiting[waiting.length] = fn;
}

/** A list from the line: parsed with the original JSON.parse; anything malformed is ignored. */
export function setModelBlockList(detail: unknown): void {
  if (typeof detail !== 'string' || detail.length > 1_000_000) return;
  try {
    const parsed = parseJson(detail) as ModelBlockList;
    if (typeof parsed !== 'object' || parsed === null || !Array.isArray(parsed.families)) return;
    list = parsed;
    release();
  } catch {
    // Malformed: the list in force stays.
  }
}

export const stoppedFamily = (host: string, model: string, known: boolean, site: string | undefined) => modelBlockOf(list ?? EMPTY_MODEL_BLOCK_LIST, host, model, known, site);
