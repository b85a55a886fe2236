/**
 * Decides, inside the page's call, whether a request is worth reporting: its host may belong to
 * an AI product (hints built from the database) or its path has the shape of an AI API. Only
 * then is a bounded prefix of a string/ArrayBuffer body read, for the model it names; the body
 * itself never leaves this function. Never throws: a failure here only loses a report.
 */
import hints from './detection-hints.ts';
import { apiCallOf, shapeOfPath } from '../../core/api-shape.ts';
import { mayBeAiHost, suffixTable } from '../../core/detection-hints.ts';
import { MAX_BODY_SCAN } from '../../core/json-prefix.ts';
import { MAX_OBSERVATION_URL } from '../../core/observation.ts';
import type { ContentChannel } from '../../core/observation.ts';
import { MODEL_BLOCK_PARAM } from '../../core/constants.ts';
import { stoppedFamily } from './model-block.ts';
import { baseUrl, bodyTextOf, documentUrl, encodeComponent, lower, parseUrl } from './natives.ts';
import { type Report, send } from './relay.ts';

/**
 * A request to stop for the model it names: `url` is where to re-send it, without its body, for
 * the extension's session rule to fail it (the page then sees the browser's own network error).
 */
export interface Stop {
  url: string;
  model: string;
}

const table = suffixTable(hints.hostSuffixes);
const SCHEMES: Record<string, 1> = { __proto__: null, 'http:': 1, 'https:': 1, 'ws:': 1, 'wss:': 1 } as unknown as Record<string, 1>;

/** The host of the page the hook runs in (its own URL, read through the original getter). */
function pageSite(): string | undefined {
  const u = parseUrl(documentUrl(), undefined);
  return u ? lower(u.hostname) : undefined;
}

/** Reports the request; returns a Stop when the settings block the model it names there. */
export function observe(channel: ContentChannel, url: string | undefined, body?: unknown): Stop | undefined {
  try {
    if (url === undefined || url.length > 8192) return;
    const u = parseUrl(url, baseUrl());
    if (!u || SCHEMES[u.protocol] !== 1) return;
    const host = lower(u.hostname);
    const known = mayBeAiHost(table, host);
    if (!known && !shapeOfPath(u.pathname)) return;
    const call = apiCallOf(u.pathname, u.search, bodyTextOf(body, MAX_BODY_SCAN));
    const report: Report = { __proto__: null } as unknown as Report;
    report.channel = channel;
    report.url = `${u.protocol}//${u.host}${u.pathname}`.slice(0, MAX_OBSERVATION_URL);
    if (call) {
      report.shape = call.shape;
      report.confirmed = call.confirmed;
      if (call.model) report.model = call.model;
    }
    send(report);
    if (call?.model && stoppedFamily(host, call.model, known, pageSite())) {
      return { url: `${u.protocol}//${u.host}${u.pathname}?${MODEL_BLOCK_PARAM}=${encodeComponent(call.model)}`, model: call.model };
    }
  } catch {
    // Never into the page.
  }
  return undefined;
}
