/**
 * The hook's private line to the isolated-world content script. Both scripts run at
 * document_start, before any page script: the isolated script (which runs second) puts a comment
 * node into the document for an instant and dispatches HELLO on it; the hook keeps that node.
 * From then on reports are events on the detached node, which no page script can reach, so a
 * page can neither read them nor listen for them. Reports are JSON strings built from
 * null-prototype objects, so no page-defined `toJSON` runs.
 */
import { BRIDGE_EVENT, BRIDGE_HELLO, BRIDGE_HOSTS, BRIDGE_RULES } from '../../core/constants.ts';
import { setBlockedHosts } from './blocked-hosts.ts';
import { setModelBlockList } from './model-block.ts';
import { CustomEventCtor, construct, detailOf, dispatch, listen, stringify, targetOf, unlisten } from './natives.ts';

let line: EventTarget | undefined;

function onHello(event: Event): void {
  const node = targetOf(event);
  if (line || !node) return;
  line = node;
  unlisten(document, BRIDGE_HELLO, onHello, true);
  // The isolated script answers on the same detached node with the blocked-model list.
  listen(node, BRIDGE_RULES, onRules, false);
  listen(node, BRIDGE_HOSTS, onHosts, false);
}

function onHosts(event: Event): void {
  try {
    setBlockedHosts(detailOf(event));
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
  listen(document, BRIDGE_HELLO, onHello, true);
}

export type Report = Record<string, string | number | boolean>;

export function send(report: Report): void {
  if (!line) return;
  const detail = stringify(report);
  dispatch(line, construct(CustomEventCtor, [BRIDGE_EVENT, { detail }]) as Event);
}
