/**
 * The isolated-world content script's first part, at document_start in every http(s) frame: only
 * what must happen before the page's first script. It takes the page hook's private line
 * (bridge.ts) and keeps what the hook reports until the rest of the script (isolated.ts, at
 * document_end) takes it over, and it hands the hook the blocked-model list in the next task.
 * Everything else waits for document_end, so every frame compiles and runs only this small file
 * before its first script: timed inside the scripts (scripts/bench/start-timing.ts), the whole
 * isolated script at document_start took 1.7–1.9 ms and its world and compile 4.2–4.5 ms; a
 * script of this size 1.0 ms and 2.7–3.9 ms (issue 17).
 */
import { openBridge } from './bridge.ts';
import { feedModelBlockList } from './model-block-feed.ts';
import { ISOLATED_LINE_KEY, MAX_EARLY_REPORTS } from '../core/constants.ts';
import type { Observation } from '../core/observation.ts';
import type { IsolatedLine } from './isolated-line.ts';

const early: Observation[] = [];
let deliver: ((obs: Observation) => void) | undefined;

const toHook = openBridge((obs) => {
  if (deliver) deliver(obs);
  // Bounded: a page cannot fill this world's memory before document_end (the hook sums repeats).
  else if (early.length < MAX_EARLY_REPORTS) early.push(obs);
});

// The hook holds a fetch naming a model until this list is there (main-world/model-block.ts).
// In the next task: the storage binding's first use costs 1–5 ms per frame (issue 17).
setTimeout(() => feedModelBlockList(toHook), 0);

const line: IsolatedLine = {
  toHook,
  attach(onObservation) {
    deliver = onObservation;
    for (const obs of early.splice(0)) onObservation(obs);
  },
};
// The isolated world's global is this extension's alone (pages and other extensions have worlds
// of their own); content scripts of one frame share it.
Object.defineProperty(globalThis, ISOLATED_LINE_KEY, { value: line, configurable: true });
