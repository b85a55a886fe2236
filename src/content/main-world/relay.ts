/**
 * The hook's private line to the isolated-world content script: a comment node inside a closed
 * shadow root. Both scripts run at document_start, before any page script, in one task: the hook
 * (first) puts a host element holding that closed root at the end of the document element; the
 * isolated script (next) opens the root with the extension-only API
 * (`chrome.dom.openOrClosedShadowRoot`, Firefox's `openOrClosedShadowRoot`), takes the comment and
 * removes the host. No event is dispatched on the document or the Window for this: a same-origin
 * parent or opener can have put listeners on a frame's or popup's first Window, which the new
 * document reuses (https://html.spec.whatwg.org/multipage/document-lifecycle.html#initialise-the-document-object),
 * and would hear anything that passes it. Events on the comment are not composed, so they never
 * leave the closed root, and once the host is removed the comment is in a detached tree no page
 * script can reach. Reports are JSON strings built from null-prototype objects, so no
 * page-defined `toJSON` runs.
 */
import { BRIDGE_EVENT, BRIDGE_GLOBALS, BRIDGE_HOSTS, BRIDGE_RULES } from '../../core/constants.ts';
import { setGlobals } from './watch-globals.ts';
import { setBlockedHosts } from './blocked-hosts.ts';
import { closeBlockedStreams } from './open-streams.ts';
import { setModelBlockList } from './model-block.ts';
import { CustomEventCtor, construct, detach, detailOf, dispatch, later, listen, stringify } from './natives.ts';

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
  line = node;
  root.appendChild(host);
  // The isolated script removes it at once; if it did not run here, do not leave it in the page
  // (with the built-ins captured at start: the page may have replaced them by then).
  later(() => detach(host), 0);
}

export type Report = Record<string, string | number | boolean>;

/**
 * Reports waiting for the next task (a timer of 0 ms), summed by content: a page calling the same
 * AI endpoint in a loop pays a string and a counter per call, and the line carries one event per
 * distinct report instead of one per call (`npm run bench`, AI URL). Not a microtask: in Firefox
 * a microtask queued from a call a privileged script made into the page (tests drive pages that
 * way) was never run (tests/e2e/firefox.e2e.test.ts, "fetch hook").
 */
interface Waiting {
  report: Report;
  count: number;
}
let waiting: Record<string, Waiting> | undefined;
let waitingKeys = 0;
const MAX_WAITING_KEYS = 64;

function flush(): void {
  const reports = waiting;
  waiting = undefined;
  waitingKeys = 0;
  if (!reports || !line) return;
  for (const key in reports) {
    const { report, count } = reports[key]!;
    report.count = count;
    dispatch(line, construct(CustomEventCtor, [BRIDGE_EVENT, { detail: stringify(report) }]) as Event);
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

export function send(report: Report): void {
  if (!line) return;
  const key = keyOf(report);
  if (!waiting) {
    waiting = { __proto__: null } as unknown as Record<string, Waiting>;
    later(flush, 0);
  }
  const queued = waiting[key];
  if (queued !== undefined) {
    queued.count++;
    return;
  }
  waiting[key] = { report, count: 1 };
  if (++waitingKeys >= MAX_WAITING_KEYS) flush();
}
