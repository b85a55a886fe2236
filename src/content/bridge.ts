/**
 * Isolated-world end of the line from the MAIN-world hook (main-world/relay.ts). Runs at
 * document_start right after the hook and before any page script: it takes the comment node the
 * hook left in a closed shadow root at the end of the document element, removes the root's host,
 * and listens on the node. Reports are parsed like any message from a page (parseObservation):
 * the hook shares its world with the page.
 */
import { MAX_OBSERVATION_COUNT, parseObservation, type Observation } from '../core/observation.ts';
import { BRIDGE_EVENT, BRIDGE_PULL, BRIDGE_PULL_MS } from '../core/constants.ts';

/** Reports longer than this are not parsed (a real one is a few hundred characters). */
const MAX_REPORT_LENGTH = 4096;

declare const chrome: { dom?: { openOrClosedShadowRoot?(element: Element): ShadowRoot | null } } | undefined;

/** A closed shadow root, which only extension code can open (Chrome's chrome.dom, Firefox's property). */
function closedRootOf(element: Element): ShadowRoot | null {
  try {
    const open = typeof chrome !== 'undefined' ? chrome.dom?.openOrClosedShadowRoot : undefined;
    if (open) return open(element);
    return (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? null;
  } catch {
    return null;
  }
}

/** The hook's node, taken out of the document; undefined when the hook did not run in this frame. */
function takeLine(): Comment | undefined {
  const host = document.documentElement?.lastElementChild;
  if (!host || host.localName !== 'span') return undefined;
  const node = closedRootOf(host)?.firstChild;
  if (!node || node.nodeType !== Node.COMMENT_NODE) return undefined;
  host.remove();
  return node as Comment;
}

/** Returns how to hand the hook a text on the same line (the blocked-model list, the blocked hosts). */
export function openBridge(onObservation: (obs: Observation) => void): (event: string, detail: string) => void {
  // Without the hook (a frame it did not run in) a node of our own keeps the rest working.
  const node = takeLine() ?? document.createComment('');
  let pullTimer: ReturnType<typeof setTimeout> | undefined;
  node.addEventListener(BRIDGE_EVENT, (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string' || detail.length > MAX_REPORT_LENGTH) return;
    let raw: unknown;
    try {
      raw = JSON.parse(detail);
    } catch {
      return;
    }
    // The hook sums repeated reports (main-world/relay.ts); a count it cannot have made is one.
    if (typeof raw !== 'object' || raw === null) return;
    const count = (raw as { count?: unknown }).count;
    const obs = parseObservation({ ...raw, count: Number.isSafeInteger(count) && (count as number) >= 1 ? Math.min(count as number, MAX_OBSERVATION_COUNT) : 1 });
    if (typeof obs !== 'string') onObservation(obs);
    // The hook counts repeats of what it sent until asked (main-world/relay.ts): ask a little later.
    pullTimer ??= setTimeout(() => {
      pullTimer = undefined;
      node.dispatchEvent(new CustomEvent(BRIDGE_PULL));
    }, BRIDGE_PULL_MS);
  });
  return (event, detail) => node.dispatchEvent(new CustomEvent(event, { detail }));
}
