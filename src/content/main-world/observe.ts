/**
 * Decides, inside the page's call, whether a request is worth reporting: its host may belong to
 * an AI product (the host filter built from the database) or its path has the shape of an AI API. Only
 * then is a bounded prefix of the body read (natives.ts bodyTextOf, request-bodies.ts), for the model it names; the body
 * itself never leaves this function. Never throws: a failure here only loses a report.
 */
import hints from './detection-hints.ts';
import { apiCallOf, ownModel, shapeOfPath } from '../../core/api-shape.ts';
import { mayBeInFilter } from '../../core/detection/host-filter.ts';
import { MAX_BODY_SCAN } from '../../core/json-prefix.ts';
import { MAX_OBSERVATION_URL } from '../../core/observation.ts';
import type { ContentChannel } from '../../core/observation.ts';
import { MODEL_BLOCK_PARAM } from '../../core/constants.ts';
import { listed, stoppedFamily } from './model-block.ts';
import { bodyTextOf, documentUrl, encodeComponent, lower, parseUrlOnce } from './natives.ts';
import { requestUrlParts } from './quick-url.ts';
import { sendRequest } from './relay.ts';

/**
 * A request to stop for the model it names: `url` is where to re-send it, without its body, for
 * the extension's session rule to fail it (the page then sees the browser's own network error).
 */
export interface Stop {
  url: string;
  model: string;
}

/** A request naming a model before the blocked-model list has arrived: decide once it has. */
export interface Wait {
  decide(): Stop | undefined;
}

const SCHEMES: Record<string, 1> = { __proto__: null, 'http:': 1, 'https:': 1, 'ws:': 1, 'wss:': 1 } as unknown as Record<string, 1>;

const parsePage = parseUrlOnce();

/** The host of the page the hook runs in (its own URL, read through the original getter). */
function pageSite(): string | undefined {
  const u = parsePage(documentUrl());
  return u ? lower(u.hostname) : undefined;
}

/** A request that may be an AI call: its URL's parts, its host, and whether the host filter has it. */
export interface Candidate {
  u: NonNullable<ReturnType<typeof requestUrlParts>>;
  host: string;
  known: boolean;
}

/**
 * Whether a request is worth a look, from its URL alone: nothing else of the call is read for the
 * others (a page's ordinary fetches pay this and no more; `npm run bench`, non-AI URL).
 */
export function candidateOf(url: string | undefined): Candidate | undefined {
  try {
    if (url === undefined || url.length > 8192) return;
    const u = requestUrlParts(url);
    if (!u || SCHEMES[u.protocol] !== 1) return;
    const host = lower(u.hostname);
    const known = mayBeInFilter(hints.hostFilter, host);
    if (!known && !shapeOfPath(u.pathname)) return;
    return { u, host, known };
  } catch {
    // Never into the page.
  }
  return undefined;
}

/**
 * Reports the request; returns a Stop when the settings block the model it names there, or, for a
 * caller that can hold the request (`canWait`: fetch), a Wait while the list has not arrived.
 */
export function observe(channel: ContentChannel, url: string | undefined, body?: unknown): Stop | undefined {
  const candidate = candidateOf(url);
  return candidate && observeCandidate(channel, candidate, body);
}

export function observeCandidate(channel: ContentChannel, candidate: Candidate, body?: unknown): Stop | undefined;
export function observeCandidate(channel: ContentChannel, candidate: Candidate, body: unknown, canWait: true): Stop | Wait | undefined;
export function observeCandidate(channel: ContentChannel, { u, host, known }: Candidate, body?: unknown, canWait = false): Stop | Wait | undefined {
  try {
    const call = apiCallOf(u.pathname, u.search, bodyTextOf(body, MAX_BODY_SCAN));
    // Read as the call's own: the page may have put a `model` on Object.prototype.
    const model = call ? ownModel(call) : undefined;
    sendRequest(channel, `${u.protocol}//${u.host}${u.pathname}`.slice(0, MAX_OBSERVATION_URL), call?.shape, call?.confirmed, model || undefined);
    if (!model) return undefined;
    const decide = (): Stop | undefined =>
      stoppedFamily(host, model, known, pageSite()) ? { url: `${u.protocol}//${u.host}${u.pathname}?${MODEL_BLOCK_PARAM}=${encodeComponent(model)}`, model } : undefined;
    if (canWait && !listed()) return { decide };
    return decide();
  } catch {
    // Never into the page.
  }
  return undefined;
}
