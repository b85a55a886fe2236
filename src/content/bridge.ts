/**
 * Isolated-world end of the line from the MAIN-world hook (main-world/relay.ts). Runs at
 * document_start right after the hook and before any page script: it hands the hook a detached
 * comment node and listens on it. Reports are parsed like any message from a page
 * (parseObservation): the hook shares its world with the page.
 */
import { parseObservation, type Observation } from '../core/observation.ts';
import { BRIDGE_EVENT, BRIDGE_HELLO } from '../core/constants.ts';

/** Reports longer than this are not parsed (a real one is a few hundred characters). */
const MAX_REPORT_LENGTH = 4096;

/** Returns how to hand the hook a text on the same line (the blocked-model list, the blocked hosts). */
export function openBridge(onObservation: (obs: Observation) => void): (event: string, detail: string) => void {
  const node = document.createComment('');
  node.addEventListener(BRIDGE_EVENT, (event) => {
    const detail = (event as CustomEvent<unknown>).detail;
    if (typeof detail !== 'string' || detail.length > MAX_REPORT_LENGTH) return;
    let raw: unknown;
    try {
      raw = JSON.parse(detail);
    } catch {
      return;
    }
    const obs = parseObservation(typeof raw === 'object' && raw !== null ? { ...raw, count: 1 } : raw);
    if (typeof obs !== 'string') onObservation(obs);
  });
  // Attached only for the synchronous dispatch: no page script has run yet to see it.
  document.appendChild(node);
  node.dispatchEvent(new CustomEvent(BRIDGE_HELLO, { bubbles: true }));
  node.remove();
  return (event, detail) => node.dispatchEvent(new CustomEvent(event, { detail }));
}
