/**
 * The one message protocol between extension contexts. Each message name says who sends it to
 * whom (`content-to-bg/...`, `ui-to-bg/...`) and maps to its request and response types.
 * Every message is parsed here on arrival: content scripts share a process with hostile pages,
 * so their messages are untrusted input.
 */
import { MAX_URL_LENGTH } from './constants.ts';
import { type Observation, parseObservation } from './observation.ts';
import type { SettingProblem } from './policy-parse.ts';
import type { SettingsView } from './settings-view.ts';
import { USER_KEYS } from './settings.ts';
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

/**
 * Isolated-world content script → background: what this document saw since its last report
 * (requests from the page hook, AI frames, scripts and widget markers from the DOM), summed.
 */
export interface ContentToBgObserved {
  type: 'content-to-bg/observed';
  doc: string;
  observations: Observation[];
}

/** At most this many observations per message; the content script sends the rest later. */
export const MAX_OBSERVATIONS_PER_MESSAGE = 64;

/**
 * Top-frame content script → background: is there a warning to show on this page? `open`: the
 * page has started (warn about the page itself being a risky AI product); `input`: the user typed
 * or pasted (warn about the AI services the page uses). The background decides from the page's
 * URL (sender.url), the tab's findings and the settings; the page only chooses when to ask.
 */
export interface ContentToBgGetWarning {
  type: 'content-to-bg/get-warning';
  doc: string;
  trigger: WarningTrigger;
}

export const WARNING_TRIGGERS = ['open', 'input'] as const;
export type WarningTrigger = (typeof WARNING_TRIGGERS)[number];

/** What the banner shows: one line, already in the user's language. */
export interface PageWarningView {
  /** `risk`: a risky service goes through; `blocked`: the page's requests to it are blocked. */
  kind: 'risk' | 'blocked';
  text: string;
  /** Whether the user may turn it off for this site: not while the organization locks `showWarning`. */
  offForSite: boolean;
  /**
   * The organization's approved tool for this service (policy approvedAlternatives), or else the
   * person's own preferred tool (`mine`), offered with a button.
   */
  alternative?: { name: string; url: string; mine?: true };
  /** The organization's own words (policy organizationMessage, in the UI language) and where to get help (supportUrl). */
  orgMessage?: string;
  supportUrl?: string;
}

/**
 * Top-frame content script → background, after a trusted click: no more warnings on this site.
 * Refused while the organization locks `showWarning`.
 */
export interface ContentToBgDismissWarning {
  type: 'content-to-bg/dismiss-warning';
  doc: string;
}

/** Top-frame content script → background, after a trusted click: open the details of this tab. */
export interface ContentToBgWarningDetails {
  type: 'content-to-bg/warning-details';
  doc: string;
}

/**
 * Block page → background: allow the host of this blocked URL for the rest of the browser
 * session. Granted only when the current decision blocking it is the user's own and the policy
 * allows bypassing (allow-once.ts).
 */
export interface UiToBgAllowOnce {
  type: 'ui-to-bg/allow-once';
  url: string;
}

/**
 * Block page → background (justify mode): open the host of this blocked URL for the policy's
 * `justifyMinutes`, for the reason given. The reason is what a person typed: bounded here and
 * cleaned by the background (core/block-actions/justify.ts).
 */
export interface UiToBgJustify {
  type: 'ui-to-bg/justify';
  url: string;
  reason: string;
}

export type JustifyResponse = { ok: true; until: number } | { ok: false; error: string };

/** Popup or options page → background: the stored state of one tab. */
export interface UiToBgGetTabState {
  type: 'ui-to-bg/get-tab-state';
  tabId: number;
}

/** Popup, options or block page → background: the settings in force and where they come from. */
export interface UiToBgGetSettings {
  type: 'ui-to-bg/get-settings';
}

/**
 * Popup or options page → background: change some of the user's own settings. Refused whole when
 * a key is locked by policy or a value does not check out.
 */
export interface UiToBgUpdateSettings {
  type: 'ui-to-bg/update-settings';
  patch: Record<string, unknown>;
}

/**
 * Popup → background: lift the user's own blocks on this site (hostname) for an hour, or end that
 * pause now (core/block-actions/pause.ts). Refused outside block mode and where the organization
 * does not allow bypassing; the organization's blocks are never lifted.
 */
export interface UiToBgPauseSite {
  type: 'ui-to-bg/pause-site';
  site: string;
}

export interface UiToBgResumeSite {
  type: 'ui-to-bg/resume-site';
  site: string;
}

/** Popup → background: the running pauses (site → end, ms since epoch). */
export interface UiToBgGetPauses {
  type: 'ui-to-bg/get-pauses';
}

export type PauseResponse = { ok: true; until: number } | { ok: false; error: string };

export type UpdateSettingsResponse = { ok: true; view: SettingsView } | { ok: false; error: string; problems?: SettingProblem[] };

export interface MessageMap {
  'content-to-bg/page-seen': { request: ContentToBgPageSeen; response: { ok: boolean } };
  'content-to-bg/page-left': { request: ContentToBgPageLeft; response: { ok: boolean } };
  'content-to-bg/observed': { request: ContentToBgObserved; response: { ok: boolean } };
  'content-to-bg/get-warning': { request: ContentToBgGetWarning; response: PageWarningView | null };
  'content-to-bg/dismiss-warning': { request: ContentToBgDismissWarning; response: { ok: boolean } };
  'content-to-bg/warning-details': { request: ContentToBgWarningDetails; response: { ok: boolean } };
  'ui-to-bg/allow-once': { request: UiToBgAllowOnce; response: { ok: true } | { ok: false; error: string } };
  'ui-to-bg/justify': { request: UiToBgJustify; response: JustifyResponse };
  'ui-to-bg/get-tab-state': { request: UiToBgGetTabState; response: TabState | null };
  'ui-to-bg/get-settings': { request: UiToBgGetSettings; response: SettingsView };
  'ui-to-bg/update-settings': { request: UiToBgUpdateSettings; response: UpdateSettingsResponse };
  'ui-to-bg/warning-off-sites': { request: UiToBgWarningOffSites; response: WarningOffSites };
  'ui-to-bg/warning-on-for-site': { request: UiToBgWarningOnForSite; response: { ok: boolean } };
  'ui-to-bg/pause-site': { request: UiToBgPauseSite; response: PauseResponse };
  'ui-to-bg/resume-site': { request: UiToBgResumeSite; response: { ok: boolean } };
  'ui-to-bg/get-pauses': { request: UiToBgGetPauses; response: Record<string, number> };
}

export type MessageType = keyof MessageMap;
export type RequestOf<T extends MessageType> = MessageMap[T]['request'];
export type ResponseOf<T extends MessageType> = MessageMap[T]['response'];

export type ContentToBg = ContentToBgPageSeen | ContentToBgPageLeft | ContentToBgObserved | ContentToBgGetWarning | ContentToBgDismissWarning | ContentToBgWarningDetails;
export type UiToBg =
  | UiToBgGetTabState
  | UiToBgGetSettings
  | UiToBgUpdateSettings
  | UiToBgAllowOnce
  | UiToBgJustify
  | UiToBgWarningOffSites
  | UiToBgWarningOnForSite
  | UiToBgPauseSite
  | UiToBgResumeSite
  | UiToBgGetPauses;

export type Parsed<T> = { ok: true; message: T } | { ok: false; error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKeys(raw: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  return Object.keys(raw).find((k) => !allowed.includes(k));
}

/** A lower-case hostname as the popup names a site (httpHostOf): letters, digits, `-`, `.`, at most 253. */
const HOSTNAME_RE = /^(?=.{1,253}$)[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;

/** Document IDs are 32 hex digits (see src/content/document-id.ts). */
const DOC_RE = /^[0-9a-f]{32}$/;

export function parseContentToBg(raw: unknown): Parsed<ContentToBg> {
  if (!isRecord(raw)) return { ok: false, error: 'message is not an object' };
  const warning = parseWarningMessage(raw);
  if (warning) return warning;
  const { type } = raw;
  if (type !== 'content-to-bg/page-seen' && type !== 'content-to-bg/page-left' && type !== 'content-to-bg/observed') {
    return { ok: false, error: `unknown content message type ${describe(type)}` };
  }
  const extra = onlyKeys(raw, type === 'content-to-bg/observed' ? ['type', 'doc', 'observations'] : ['type', 'doc']);
  if (extra) return { ok: false, error: `unexpected field ${JSON.stringify(extra.slice(0, 40))}` };
  if (typeof raw.doc !== 'string' || !DOC_RE.test(raw.doc)) return { ok: false, error: 'doc must be 32 hex digits' };
  if (type !== 'content-to-bg/observed') return { ok: true, message: { type, doc: raw.doc } };
  const list = raw.observations;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_OBSERVATIONS_PER_MESSAGE) {
    return { ok: false, error: `observations must be a list of 1 to ${MAX_OBSERVATIONS_PER_MESSAGE}` };
  }
  const observations: Observation[] = [];
  for (const [i, item] of list.entries()) {
    const parsed = parseObservation(item);
    if (typeof parsed === 'string') return { ok: false, error: `observations[${i}]: ${parsed}` };
    observations.push(parsed);
  }
  return { ok: true, message: { type, doc: raw.doc, observations } };
}

/** The warning messages of the top frame; undefined for any other type. */
function parseWarningMessage(raw: Record<string, unknown>): Parsed<ContentToBg> | undefined {
  const { type } = raw;
  if (type !== 'content-to-bg/get-warning' && type !== 'content-to-bg/dismiss-warning' && type !== 'content-to-bg/warning-details') return undefined;
  const extra = onlyKeys(raw, type === 'content-to-bg/get-warning' ? ['type', 'doc', 'trigger'] : ['type', 'doc']);
  if (extra) return { ok: false, error: `unexpected field ${JSON.stringify(extra.slice(0, 40))}` };
  if (typeof raw.doc !== 'string' || !DOC_RE.test(raw.doc)) return { ok: false, error: 'doc must be 32 hex digits' };
  if (type !== 'content-to-bg/get-warning') return { ok: true, message: { type, doc: raw.doc } };
  const trigger = WARNING_TRIGGERS.find((t) => t === raw.trigger);
  if (!trigger) return { ok: false, error: `trigger must be one of ${WARNING_TRIGGERS.join(', ')}` };
  return { ok: true, message: { type, doc: raw.doc, trigger } };
}


/** A reason longer than this is refused before it is read (justify.ts keeps at most REASON_MAX). */
const MAX_REASON_LENGTH = 2000;

export function parseUiToBg(raw: unknown): Parsed<UiToBg> {
  if (!isRecord(raw)) return { ok: false, error: 'message is not an object' };
  const warningSites = parseWarningSitesMessage(raw);
  if (warningSites) return warningSites;
  if (raw.type === 'ui-to-bg/allow-once') {
    const extra = onlyKeys(raw, ['type', 'url']);
    if (extra) return { ok: false, error: `unexpected field ${JSON.stringify(extra.slice(0, 40))}` };
    if (typeof raw.url !== 'string' || raw.url.length > MAX_URL_LENGTH || !/^https?:\/\//i.test(raw.url)) return { ok: false, error: 'url must be an http(s) address' };
    return { ok: true, message: { type: raw.type, url: raw.url } };
  }
  if (raw.type === 'ui-to-bg/justify') {
    const extra = onlyKeys(raw, ['type', 'url', 'reason']);
    if (extra) return { ok: false, error: `unexpected field ${JSON.stringify(extra.slice(0, 40))}` };
    if (typeof raw.url !== 'string' || raw.url.length > MAX_URL_LENGTH || !/^https?:\/\//i.test(raw.url)) return { ok: false, error: 'url must be an http(s) address' };
    if (typeof raw.reason !== 'string' || raw.reason.length > MAX_REASON_LENGTH) return { ok: false, error: `reason must be a text of at most ${MAX_REASON_LENGTH} characters` };
    return { ok: true, message: { type: raw.type, url: raw.url, reason: raw.reason } };
  }
  if (raw.type === 'ui-to-bg/pause-site' || raw.type === 'ui-to-bg/resume-site') {
    const extra = onlyKeys(raw, ['type', 'site']);
    if (extra) return { ok: false, error: `unexpected field ${JSON.stringify(extra.slice(0, 40))}` };
    if (typeof raw.site !== 'string' || !HOSTNAME_RE.test(raw.site)) return { ok: false, error: 'site must be a hostname' };
    return { ok: true, message: { type: raw.type, site: raw.site } };
  }
  if (raw.type === 'ui-to-bg/get-settings' || raw.type === 'ui-to-bg/get-pauses') {
    const extra = onlyKeys(raw, ['type']);
    return extra ? { ok: false, error: `unexpected field ${JSON.stringify(extra.slice(0, 40))}` } : { ok: true, message: { type: raw.type } };
  }
  if (raw.type === 'ui-to-bg/update-settings') {
    const extra = onlyKeys(raw, ['type', 'patch']);
    if (extra) return { ok: false, error: `unexpected field ${JSON.stringify(extra.slice(0, 40))}` };
    if (!isRecord(raw.patch) || Object.keys(raw.patch).length === 0) return { ok: false, error: 'patch must be an object of settings' };
    const unknown = onlyKeys(raw.patch, USER_KEYS);
    if (unknown) return { ok: false, error: `unknown setting ${JSON.stringify(unknown.slice(0, 40))}` };
    return { ok: true, message: { type: raw.type, patch: raw.patch } };
  }
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

/** Options page → background: the sites where the user turned the in-page warning off. */
export interface UiToBgWarningOffSites {
  type: 'ui-to-bg/warning-off-sites';
}

export interface WarningOffSites {
  /** Oldest first, as stored. */
  sites: string[];
  /** The organization locks `showWarning`: the warning shows on these sites anyway. */
  overruled: boolean;
}

/** Options page → background: show the in-page warning on `site` again. */
export interface UiToBgWarningOnForSite {
  type: 'ui-to-bg/warning-on-for-site';
  site: string;
}

/** The options page's warning-site messages; undefined for any other type. */
function parseWarningSitesMessage(raw: Record<string, unknown>): Parsed<UiToBg> | undefined {
  const { type } = raw;
  if (type !== 'ui-to-bg/warning-off-sites' && type !== 'ui-to-bg/warning-on-for-site') return undefined;
  const extra = onlyKeys(raw, type === 'ui-to-bg/warning-on-for-site' ? ['type', 'site'] : ['type']);
  if (extra) return { ok: false, error: `unexpected field ${JSON.stringify(extra.slice(0, 40))}` };
  if (type === 'ui-to-bg/warning-off-sites') return { ok: true, message: { type } };
  // A host name as stored (normalizeHostname); one not in the list changes nothing.
  if (typeof raw.site !== 'string' || raw.site.length === 0 || raw.site.length > 253) return { ok: false, error: 'site must be a host name' };
  return { ok: true, message: { type, site: raw.site } };
}

// Background → content script: the banner's cue to ask again (a file of its own, for the content script's size).
export { type BgToContentWarningChanged, isWarningChanged } from './warning/warning-changed.ts';
