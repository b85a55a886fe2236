/**
 * The hook's private line to the isolated-world content script: a comment node inside a closed
 * shadow root. Both scripts run at document_start, before any page script: the hook
 * (first) puts a host element holding that closed root at the end of the document element; the
 * isolated script (next; in Firefox a task later, see openRelay) opens the root with the extension-only API
 * (`chrome.dom.openOrClosedShadowRoot`, Firefox's `openOrClosedShadowRoot`), takes the comment and
 * removes the host. No event is dispatched on the document or the Window for this: a same-origin
 * parent or opener can have put listeners on a frame's or popup's first Window, which the new
 * document reuses (https://html.spec.whatwg.org/multipage/document-lifecycle.html#initialise-the-document-object),
 * and would hear anything that passes it. Events on the comment are not composed, so they never
 * leave the closed root, and once the host is removed the comment is in a detached tree no page
 * script can reach. Reports are JSON strings built from null-prototype objects, so no
 * page-defined `toJSON` runs.
 */
import { BRIDGE_EVENT, BRIDGE_GLOBALS, BRIDGE_HOSTS, BRIDGE_PULL, BRIDGE_RULES } from '../../core/constants.ts';
import { setGlobals } from './watch-globals.ts';
import { setBlockedHosts } from './blocked-hosts.ts';
import { closeBlockedStreams } from './open-streams.ts';
import { setModelBlockList } from './model-block.ts';
import { CustomEventCtor, construct, detach, detailOf, dispatch, listen, stringify, unlisten } from './natives.ts';

let line: EventTarget | undefined;

function onHosts(event: Event): void {
  try {
    setBlockedHosts(detailOf(event));
    closeBlockedStreams();
  } catch {
    // Never into the page.
  }
}

function onGlobals(event: Event): void {
  try {
    setGlobals(detailOf(event));
  } catch {
    // Never into the page.
  }
}

function onRules(event: Event): void {
  try {
    setModelBlockList(detailOf(event));
  } catch {
    // Never into the page.
  }
}

export function openRelay(): void {
  const node = document.createComment('');
  const root = document.documentElement;
  if (!root) return;
  // An XML document's createElement makes no HTML element, and only those take a shadow root.
  const host = document.createElementNS('http://www.w3.org/1999/xhtml', 'span');
  host.attachShadow({ mode: 'closed' }).appendChild(node);
  listen(node, BRIDGE_RULES, onRules, false);
  listen(node, BRIDGE_HOSTS, onHosts, false);
  listen(node, BRIDGE_GLOBALS, onGlobals, false);
  listen(node, BRIDGE_PULL, onPull, false);
  line = node;
  root.appendChild(host);
  // The isolated script takes the line and removes the host. In Chrome it runs in this same task;
  // Firefox runs it a task or more later (3–5 ms in firefox-esr 153, after a timer of 0 ms here
  // had already removed the host, so the line was never taken: firefox.e2e 'fetch hook' and the
  // reseller test failed in about half the runs), with the parser still held for both scripts
  // (document.blockParsing in Firefox's ExtensionContent), so no page script runs in between.
  // Only a frame the isolated script never runs in keeps the host until DOMContentLoaded; it is
  // removed then with the built-ins captured at start, since the page may have replaced them.
  const drop = () => {
    unlisten(document, 'DOMContentLoaded', drop, true);
    detach(host);
  };
  listen(document, 'DOMContentLoaded', drop, true);
}

export type Report = Record<string, string | number | boolean>;

/**
 * Repeated reports are summed: the first report of a kind goes on the line at once (inside the
 * page's call, as every report did before), later ones of the same kind only count up until the
 * isolated script pulls the counts (BRIDGE_PULL, from its own timer, content/bridge.ts). A page
 * calling the same AI endpoint in a loop then pays a string and a counter per call, not an event
 * (`npm run bench`, AI URL). No timer or microtask runs in the page's world for this: in Firefox
 * a report waiting for one in the page was at times never sent (tests/e2e/firefox.e2e.test.ts,
 * "fetch hook", flaky), while the isolated script's timers always run.
 */
interface Counted {
  report: Report;
  /** Reports of this kind since it was last sent. */
  count: number;
}
let counted: Record<string, Counted> | undefined;
let countedKeys = 0;
/** Kinds counted between two pulls; past this the counts go out at once and counting starts anew. */
const MAX_COUNTED_KEYS = 256;

function post(report: Report, count: number): void {
  report.count = count;
  dispatch(line!, construct(CustomEventCtor, [BRIDGE_EVENT, { detail: stringify(report) }]) as Event);
}

/** Sends the counts of repeated reports (BRIDGE_PULL) and starts counting anew. */
function pull(): void {
  const kinds = counted;
  counted = undefined;
  countedKeys = 0;
  if (!kinds || !line) return;
  for (const key in kinds) {
    const { report, count } = kinds[key]!;
    if (count > 0) post(report, count);
  }
}

function onPull(): void {
  try {
    pull();
  } catch {
    // Never into the page.
  }
}

/**
 * What makes two reports the same, by concatenation: JSON.stringify of a null-prototype object
 * built field by field was most of the hook's cost per AI call (a CPU profile of the bench page).
 */
function keyOf(report: Report): string {
  let key = '';
  for (const field in report) key += `${field}\u0000${report[field]}\u0000`;
  return key;
}

/** Counts a report of kind `key` already sent; false when this kind is new since the last pull. */
function countedAgain(key: string): boolean {
  if (!counted) counted = { __proto__: null } as unknown as Record<string, Counted>;
  const seen = counted[key];
  if (seen === undefined) return false;
  seen.count++;
  return true;
}

function sendNew(key: string, report: Report): void {
  if (++countedKeys > MAX_COUNTED_KEYS) {
    pull();
    counted = { __proto__: null } as unknown as Record<string, Counted>;
    countedKeys = 1;
  }
  counted![key] = { report, count: 0 };
  post(report, 1);
}

export function send(report: Report): void {
  if (!line) return;
  const key = keyOf(report);
  if (!countedAgain(key)) sendNew(key, report);
}

/**
 * A request's report (observe.ts), with the report object built only when its kind is new since
 * the last pull: a null-prototype object is a dictionary in V8, and building one and walking it
 * with for-in cost about 6 µs of each repeated AI call (`npm run bench`, AI URL; the key is a
 * concatenation that cannot meet one of keyOf's, which start with a field name).
 */
export function sendRequest(channel: string, url: string, shape: string | undefined, confirmed: boolean | undefined, model: string | undefined): void {
  if (!line) return;
  const key = `\u0001${channel}\u0000${url}\u0000${shape ?? ''}\u0000${confirmed === undefined ? '' : confirmed ? 1 : 0}\u0000${model ?? ''}`;
  if (countedAgain(key)) return;
  const report: Report = { __proto__: null } as unknown as Report;
  report.channel = channel;
  report.url = url;
  if (shape !== undefined) {
    report.shape = shape;
    report.confirmed = confirmed === true;
  }
  if (model !== undefined) report.model = model;
  sendNew(key, report);
}
