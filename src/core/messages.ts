/**
 * The one message protocol between extension contexts. Each message name says who sends it to
 * whom (`content-to-bg/...`, `ui-to-bg/...`) and maps to its request and response types.
 * Every message is parsed here on arrival: content scripts share a process with hostile pages,
 * so their messages are untrusted input.
 */
import type { TabState } from './tab-state.ts';

/**
 * Isolated-world content script → background: this frame's document has started (or came back
 * from the back/forward cache). `doc` is a random ID the script gives its document. The URL is
 * not part of the message: the background takes the browser's record of it (`sender.url`).
 */
export interface ContentToBgPageSeen {
  type: 'content-to-bg/page-seen';
  doc: string;
}

/** Content script → background: the document `doc` is going away (pagehide). */
export interface ContentToBgPageLeft {
  type: 'content-to-bg/page-left';
  doc: string;
}

/** Popup or options page → background: the stored state of one tab. */
export interface UiToBgGetTabState {
  type: 'ui-to-bg/get-tab-state';
  tabId: number;
}

export interface MessageMap {
  'content-to-bg/page-seen': { request: ContentToBgPageSeen; response: { ok: boolean } };
  'content-to-bg/page-left': { request: ContentToBgPageLeft; response: { ok: boolean } };
  'ui-to-bg/get-tab-state': { request: UiToBgGetTabState; response: TabState | null };
}

export type MessageType = keyof MessageMap;
export type RequestOf<T extends MessageType> = MessageMap[T]['request'];
export type ResponseOf<T extends MessageType> = MessageMap[T]['response'];

export type ContentToBg = ContentToBgPageSeen | ContentToBgPageLeft;
export type UiToBg = UiToBgGetTabState;

export type Parsed<T> = { ok: true; message: T } | { ok: false; error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(raw: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  return Object.keys(raw).find((k) => !allowed.includes(k));
}

/** Document IDs are 32 hex digits (see src/content/document-id.ts). */
const DOC_RE = /^[0-9a-f]{32}$/;

export function parseContentToBg(raw: unknown): Parsed<ContentToBg> {
  if (!isRecord(raw)) return { ok: false, error: 'message is not an object' };
  const { type } = raw;
  if (type !== 'content-to-bg/page-seen' && type !== 'content-to-bg/page-left') {
    return { ok: false, error: `unknown content message type ${describe(type)}` };
  }
  const extra = onlyKeys(raw, ['type', 'doc']);
  if (extra) return { ok: false, error: `unexpected field ${JSON.stringify(extra.slice(0, 40))}` };
  if (typeof raw.doc !== 'string' || !DOC_RE.test(raw.doc)) return { ok: false, error: 'doc must be 32 hex digits' };
  return { ok: true, message: { type, doc: raw.doc } };
}

export function parseUiToBg(raw: unknown): Parsed<UiToBg> {
  if (!isRecord(raw)) return { ok: false, error: 'message is not an object' };
  if (raw.type !== 'ui-to-bg/get-tab-state') return { ok: false, error: `unknown UI message type ${describe(raw.type)}` };
  const { tabId } = raw;
  if (typeof tabId !== 'number' || !Number.isSafeInteger(tabId) || tabId < 0) {
    return { ok: false, error: 'tabId must be a non-negative integer' };
  }
  return { ok: true, message: { type: raw.type, tabId } };
}

/** A short, safe rendering of an untrusted value for error messages and logs. */
function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : typeof value;
}
