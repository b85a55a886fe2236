/**
 * One thing a content script or the network observer saw: a request, a frame, a script or a
 * widget marker, before the background decides (with the database) whether it is a finding.
 * Content scripts run beside hostile pages, so every observation is parsed and bounded here on
 * arrival; nothing in it is trusted beyond being a lookup key.
 */
import type { ApiShape } from './api-shape.ts';
import { MAX_MODEL_LENGTH } from './model-name.ts';
import type { Channel } from './tab-state.ts';

/** Every ApiShape, for validation (the type is checked against api-shape.ts). */
export const API_SHAPES = [
  'openai-chat', 'openai-completions', 'openai-responses', 'openai-embeddings', 'openai-images', 'openai-audio',
  'openai-realtime', 'anthropic-messages', 'gemini', 'bedrock', 'cohere-chat', 'ollama',
] as const satisfies readonly ApiShape[];

/** Channels a content script may report; `frame` and `network` are the browser's own. */
export const CONTENT_CHANNELS = ['iframe', 'script', 'marker', 'fetch', 'xhr', 'websocket', 'eventsource', 'beacon'] as const satisfies readonly Channel[];
export type ContentChannel = (typeof CONTENT_CHANNELS)[number];

export interface Observation {
  channel: ContentChannel | 'network';
  /** Where it went or came from: an http(s) or ws(s) URL without query or fragment. */
  url: string;
  /** The network observer's resource type: a script or frame is an embed, the rest requests. */
  resource?: 'embed' | 'request';
  model?: string;
  shape?: ApiShape;
  /** Path and body both have the shape of the API (apiCallOf). */
  confirmed?: boolean;
  /** For `marker`: which marker (`global:botpress`) and the product it names. */
  marker?: string;
  productId?: string;
  /** How many times it was seen since the last report. */
  count: number;
}

export const MAX_OBSERVATION_URL = 2048;
export const MAX_MARKER_LENGTH = 200;
export const MAX_OBSERVATION_COUNT = 1_000_000;

const FIELDS = ['channel', 'url', 'model', 'shape', 'confirmed', 'marker', 'productId', 'count'];

/** The observation, or why it is refused (content scripts may not send `network` or `resource`). */
export function parseObservation(raw: unknown): Observation | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'observation is not an object';
  const o = raw as Record<string, unknown>;
  const extra = Object.keys(o).find((k) => !FIELDS.includes(k));
  if (extra !== undefined) return `unexpected field ${JSON.stringify(extra.slice(0, 40))}`;
  if (!(CONTENT_CHANNELS as readonly unknown[]).includes(o.channel)) return 'unknown channel';
  if (typeof o.url !== 'string' || o.url.length > MAX_OBSERVATION_URL || !/^(?:https?|wss?):\/\/[^/?#\s]+(?:\/[^?#\s]*)?$/i.test(o.url)) {
    return 'url must be an http(s) or ws(s) URL without query, at most 2048 characters';
  }
  if (o.model !== undefined && (typeof o.model !== 'string' || o.model.length === 0 || o.model.length > MAX_MODEL_LENGTH)) return 'model must be 1-256 characters';
  if (o.shape !== undefined && !(API_SHAPES as readonly unknown[]).includes(o.shape)) return 'unknown API shape';
  if (o.confirmed !== undefined && typeof o.confirmed !== 'boolean') return 'confirmed must be a boolean';
  if (o.marker !== undefined && (typeof o.marker !== 'string' || o.marker.length > MAX_MARKER_LENGTH)) return 'marker must be a short string';
  if (o.productId !== undefined && (typeof o.productId !== 'string' || !/^[a-z0-9][a-z0-9-]{0,80}$/.test(o.productId))) return 'bad productId';
  if ((o.channel === 'marker') !== (o.marker !== undefined && o.productId !== undefined)) return 'a marker observation names its marker and product, nothing else does';
  if (typeof o.count !== 'number' || !Number.isSafeInteger(o.count) || o.count < 1 || o.count > MAX_OBSERVATION_COUNT) return 'count must be a positive integer';
  const obs: Observation = { channel: o.channel as ContentChannel, url: o.url, count: o.count };
  if (o.model !== undefined) obs.model = o.model as string;
  if (o.shape !== undefined) obs.shape = o.shape as ApiShape;
  if (o.confirmed !== undefined) obs.confirmed = o.confirmed as boolean;
  if (o.marker !== undefined) obs.marker = o.marker as string;
  if (o.productId !== undefined) obs.productId = o.productId as string;
  return obs;
}
