/**
 * The browser's own record of a tab's requests (webRequest, observing only, never blocking):
 * it sees what the page hook cannot — requests from workers, from frames without a content
 * script, and those made before the hook was in place. Its sightings count as the `network`
 * observer, so a request also seen by the hook is counted once (tab-state.ts, observerOf).
 */
import browser, { type WebRequest } from 'webextension-polyfill';
import { apiCallOf, shapeOfPath } from '../core/api-shape.ts';
import { database } from '../core/database.ts';
import { MAX_BODY_SCAN } from '../core/json-prefix.ts';
import type { Observation } from '../core/observation.ts';
import { normalizeHostname } from '../core/hostname.ts';
import { sightingOf } from '../core/sighting.ts';
import { applySightings } from '../core/tab-state.ts';
import { BUNDLED_HOST_SUFFIXES } from './database-hosts.ts';
import { updateTabState } from './tab-store.ts';

/** Documents and images are not AI data flows; top-level pages are the content script's job. */
const TYPES: WebRequest.ResourceType[] = ['xmlhttprequest', 'websocket', 'ping', 'other', 'script', 'sub_frame', 'object', 'media'];
const EMBED_TYPES = new Set<string>(['script', 'sub_frame', 'object']);

/**
 * Paths of AI APIs on any host (unknown endpoints), as match patterns: a superset of what
 * shapeOfPath recognises, so the browser hands the worker only requests worth a look.
 */
const API_PATHS = ['completions', 'responses', 'embeddings', 'images/', 'audio/', 'realtime', 'messages', 'models/', 'model/', 'chat', 'api/generate'];

/**
 * Which requests wake the worker: every host of the database (`*.suffix` also matches the
 * suffix itself) and AI API paths anywhere, plus WebSockets (few, and AI chats use them).
 * Ordinary page traffic never reaches the extension (`npm run bench`, page with 50 fetches).
 */
export function networkFilter(): WebRequest.RequestFilter {
  const hosts = BUNDLED_HOST_SUFFIXES.map((s) => `*://*.${s}/*`);
  const paths = API_PATHS.map((p) => `*://*/*${p}*`);
  return { urls: [...hosts, ...paths, 'ws://*/*', 'wss://*/*'], types: TYPES };
}

type Details = WebRequest.OnBeforeRequestDetailsType & { documentLifecycle?: string };

const decoder = new TextDecoder('utf-8', { fatal: false });

/** The first bytes of a raw request body as text, or undefined (form data, files, none). */
function bodyPrefix(details: Details): string | undefined {
  const bytes = details.requestBody?.raw?.[0]?.bytes;
  if (!(bytes instanceof ArrayBuffer)) return undefined;
  return decoder.decode(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, MAX_BODY_SCAN)));
}

export function observationOf(details: Details): Observation | undefined {
  let url: URL;
  try {
    url = new URL(details.url);
  } catch {
    return undefined;
  }
  if (!/^(?:https?|wss?):$/.test(url.protocol) || !url.hostname) return undefined;
  const known = database.lookupHost(normalizeHostname(url.hostname)) !== undefined;
  // The common case, a request to no AI host and of no AI shape, ends here.
  if (!known && !shapeOfPath(url.pathname)) return undefined;
  const call = apiCallOf(url.pathname, url.search, bodyPrefix(details));
  const resource = EMBED_TYPES.has(details.type) ? 'embed' : 'request';
  return {
    channel: 'network',
    url: `${url.protocol}//${url.host}${url.pathname}`,
    resource,
    ...(call ? { shape: call.shape, confirmed: call.confirmed, ...(call.model ? { model: call.model } : {}) } : {}),
    count: 1,
  };
}

function onBeforeRequest(details: Details): undefined {
  try {
    // Service workers and the extension itself have no tab; unloading or prerendering documents
    // are not what the tab shows.
    if (details.tabId < 0) return undefined;
    if (details.documentLifecycle !== undefined && details.documentLifecycle !== 'active') return undefined;
    const obs = observationOf(details);
    if (!obs) return undefined;
    const { tabId, frameId } = details;
    const now = Date.now();
    // Decided with the policy's database, which also knows the organization's own services.
    void updateTabState(tabId, (prev, db) => {
      const sighting = sightingOf(db, obs, { frameId });
      return sighting ? applySightings(prev, [sighting], now, tabId) : prev;
    }).catch((error) => console.debug('network sighting not stored', error));
  } catch (error) {
    console.warn('network observer:', error);
  }
  return undefined;
}

export function observeNetwork(): void {
  // Firefox MV3 lets users withhold host permissions; then there is nothing to observe.
  if (!browser.webRequest?.onBeforeRequest) return;
  browser.webRequest.onBeforeRequest.addListener(onBeforeRequest, networkFilter(), ['requestBody']);
}
