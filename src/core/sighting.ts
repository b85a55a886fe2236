/**
 * Decides what an observation is, with the database: a request to or an embed of a known AI
 * product, a request of an AI API shape to an unknown host, or nothing. The host decides first;
 * the model a request names only adds the upstream (docs/risk-model.md), looked up when shown.
 */
import { normalizeHostname } from './hostname.ts';
import type { Observation } from './observation.ts';
import type { RiskDatabase } from './risk-database.ts';
import type { Sighting } from './tab-state.ts';

export const MAX_EVIDENCE_PATH = 200;

/** Hostname and path of an http(s) or ws(s) URL; undefined for anything else. */
export function endpointOf(url: string): { host: string; path: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol) || !parsed.hostname) return undefined;
  return { host: normalizeHostname(parsed.hostname), path: parsed.pathname.slice(0, MAX_EVIDENCE_PATH) };
}

export interface SightingContext {
  frameId: number;
  doc?: string;
  /** Host of the frame that reported, for markers (they have no host of their own). */
  frameHost?: string;
}

export function sightingOf(db: RiskDatabase, obs: Observation, ctx: SightingContext): Sighting | undefined {
  const where = { frameId: ctx.frameId, ...(ctx.doc !== undefined ? { doc: ctx.doc } : {}), channel: obs.channel, ...(obs.count > 1 ? { count: obs.count } : {}) };
  if (obs.channel === 'marker') {
    const found = obs.productId === undefined ? undefined : db.product(obs.productId);
    const marker = obs.marker;
    const known = found?.product.markers?.some((m) => `${m.kind}:${m.value}` === marker);
    if (!found || !known || !ctx.frameHost) return undefined;
    return { kind: 'embed', providerId: found.provider.id, productId: found.product.id, role: 'widget', host: ctx.frameHost, marker, ...where };
  }
  const endpoint = endpointOf(obs.url);
  if (!endpoint) return undefined;
  const api = obs.shape ? { shape: obs.shape, path: endpoint.path, ...(obs.model ? { model: obs.model.trim() } : {}) } : {};
  const match = db.lookupHost(endpoint.host);
  if (match) {
    const embed = obs.channel === 'iframe' || obs.channel === 'script' || obs.resource === 'embed';
    const ref = { providerId: match.provider.id, productId: match.product.id, role: match.host.role };
    return { kind: embed ? 'embed' : 'request', ...ref, host: endpoint.host, ...(embed ? {} : api), ...where };
  }
  if (obs.shape && obs.confirmed && obs.resource !== 'embed') return { kind: 'unknown-endpoint', host: endpoint.host, ...api, ...where };
  return undefined;
}
