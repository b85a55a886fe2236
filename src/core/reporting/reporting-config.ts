/**
 * The `reporting` policy: where the organization's own collector is and what it receives
 * (docs/reporting.md). Only a managed policy sets it; a user cannot turn reporting on, redirect it
 * or turn it off. A bad part is reported and left out like any other policy key; without a usable
 * endpoint there is no reporting at all (the extension then makes no request of its own).
 */
import { REPORT_BATCH_DEFAULT, REPORT_BATCH_MAX, REPORT_HEADER_MAX, REPORT_HEARTBEAT_DEFAULT_MIN, REPORT_INTERVAL_DEFAULT_S, REPORT_INTERVAL_MAX_S } from '../constants.ts';

export const REPORT_FORMATS = ['otlp', 'splunk-hec'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Kinds of event an admin can choose; `dropped` (events lost to a full queue) is always sent. */
/** How a batch is compressed on the wire: gzip cuts an OTLP batch of 100 events about 25-fold (`npm run bench`). */
export const REPORT_COMPRESSIONS = ['gzip', 'none'] as const;
export type ReportCompression = (typeof REPORT_COMPRESSIONS)[number];

export const REPORT_EVENT_KINDS = ['finding', 'block', 'justify', 'allow-once', 'warning-shown', 'warning-dismissed', 'policy-problem', 'heartbeat'] as const;
export type ReportEventKind = (typeof REPORT_EVENT_KINDS)[number];

export interface ReportingConfig {
  endpoint: string;
  format: ReportFormat;
  compression: ReportCompression;
  /** Sent with every batch, for a write-only ingestion token (`Authorization: Splunk …`). */
  headers: Record<string, string>;
  events: ReportEventKind[];
  batchSize: number;
  intervalSeconds: number;
  heartbeatMinutes: number;
  /** What the admin's MDM templated for this device or user; nothing else names a person. */
  identity?: string;
}

export interface ReportingProblem {
  key: string;
  reason: string;
}

const KEYS = ['endpoint', 'format', 'compression', 'headers', 'events', 'batchSize', 'intervalSeconds', 'heartbeatMinutes', 'identity'];
/** RFC 9110 token characters. */
const HEADER_NAME_RE = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
/** Visible ASCII and spaces: no line breaks, so a value cannot add a header of its own. */
const HEADER_VALUE_RE = /^[\x20-\x7e]{0,4096}$/;
/** Headers the browser sets itself or that would change what the request is. */
const RESERVED_HEADERS = new Set(['host', 'content-length', 'content-type', 'content-encoding', 'cookie', 'origin', 'referer', 'connection', 'transfer-encoding']);
const IDENTITY_MAX = 256;

const shown = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v) : Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v));

/** Loopback, where a plain http collector is accepted (tests, a collector on the same device). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Why `value` cannot be the collector's address, or undefined when it can. */
export function endpointProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return `${shown(value)} is not a URL`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${shown(value)} is not a URL`;
  }
  if (url.username || url.password) return 'a URL with a user name or password (put a token in headers)';
  if (url.hash) return `${shown(value)} has a #fragment`;
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return undefined;
  return `${shown(value)} is not https (plain http only to a loopback address)`;
}

function whole(value: unknown, key: string, min: number, max: number, problems: ReportingProblem[]): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
  problems.push({ key, reason: `${shown(value)} is not a whole number from ${min} to ${max}` });
  return undefined;
}

/** The `reporting` policy value; undefined when reporting is off (no usable endpoint). */
export function parseReporting(raw: unknown, problems: ReportingProblem[], prefix = 'reporting'): ReportingConfig | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ key: prefix, reason: `${shown(raw)} is not an object` });
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  for (const key of Object.keys(r)) if (!KEYS.includes(key)) problems.push({ key: `${prefix}.${key.slice(0, 60)}`, reason: 'unknown key' });
  const endpointWrong = endpointProblem(r.endpoint);
  if (endpointWrong) {
    problems.push({ key: `${prefix}.endpoint`, reason: r.endpoint === undefined ? 'missing: reporting stays off' : `${endpointWrong}: reporting stays off` });
    return undefined;
  }
  let format: ReportFormat = 'otlp';
  if (r.format !== undefined) {
    if ((REPORT_FORMATS as readonly unknown[]).includes(r.format)) format = r.format as ReportFormat;
    else problems.push({ key: `${prefix}.format`, reason: `${shown(r.format)} is not one of ${REPORT_FORMATS.join(', ')}; otlp is used` });
  }
  let compression: ReportCompression = 'gzip';
  if (r.compression !== undefined) {
    if ((REPORT_COMPRESSIONS as readonly unknown[]).includes(r.compression)) compression = r.compression as ReportCompression;
    else problems.push({ key: `${prefix}.compression`, reason: `${shown(r.compression)} is not one of ${REPORT_COMPRESSIONS.join(', ')}; gzip is used` });
  }
  const headers: Record<string, string> = {};
  if (r.headers !== undefined) {
    if (typeof r.headers !== 'object' || r.headers === null || Array.isArray(r.headers)) problems.push({ key: `${prefix}.headers`, reason: `${shown(r.headers)} is not an object of header names and values` });
    else
      for (const [name, value] of Object.entries(r.headers).slice(0, REPORT_HEADER_MAX)) {
        const key = `${prefix}.headers.${name.slice(0, 60)}`;
        if (!HEADER_NAME_RE.test(name)) problems.push({ key, reason: 'not a header name' });
        else if (RESERVED_HEADERS.has(name.toLowerCase())) problems.push({ key, reason: 'set by the browser or the extension, not by policy' });
        else if (typeof value !== 'string' || !HEADER_VALUE_RE.test(value)) problems.push({ key, reason: 'not a header value (printable ASCII on one line, at most 4,096 characters)' });
        else headers[name] = value;
      }
  }
  let events: ReportEventKind[] = [...REPORT_EVENT_KINDS];
  if (r.events !== undefined) {
    if (!Array.isArray(r.events)) problems.push({ key: `${prefix}.events`, reason: `${shown(r.events)} is not a list; every kind is sent` });
    else {
      events = [];
      r.events.forEach((e, i) => {
        if ((REPORT_EVENT_KINDS as readonly unknown[]).includes(e)) {
          if (!events.includes(e as ReportEventKind)) events.push(e as ReportEventKind);
        } else problems.push({ key: `${prefix}.events[${i}]`, reason: `${shown(e)} is not one of ${REPORT_EVENT_KINDS.join(', ')}` });
      });
    }
  }
  let identity: string | undefined;
  if (r.identity !== undefined) {
    if (typeof r.identity === 'string' && r.identity.trim() && r.identity.length <= IDENTITY_MAX && !/[\x00-\x1f\x7f]/.test(r.identity)) identity = r.identity.trim();
    else problems.push({ key: `${prefix}.identity`, reason: `${shown(r.identity)} is not a text of 1 to ${IDENTITY_MAX} characters on one line` });
  }
  return {
    endpoint: r.endpoint as string,
    format,
    compression,
    headers,
    events,
    batchSize: whole(r.batchSize, `${prefix}.batchSize`, 1, REPORT_BATCH_MAX, problems) ?? REPORT_BATCH_DEFAULT,
    intervalSeconds: whole(r.intervalSeconds, `${prefix}.intervalSeconds`, 1, REPORT_INTERVAL_MAX_S, problems) ?? REPORT_INTERVAL_DEFAULT_S,
    heartbeatMinutes: whole(r.heartbeatMinutes, `${prefix}.heartbeatMinutes`, 1, 7 * 24 * 60, problems) ?? REPORT_HEARTBEAT_DEFAULT_MIN,
    ...(identity ? { identity } : {}),
  };
}
