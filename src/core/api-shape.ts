/**
 * Recognises a request to a known AI API by its shape, whatever the host: self-hosted gateways,
 * proxies, Azure deployments and aggregators put the same paths behind their own prefix
 * (`/api/v1`, `/openai/deployments/<x>`, `/proxy/openai/v1`), so paths are matched on their
 * last segments. Runs on every request a page makes: the common, non-AI path costs one
 * `lastIndexOf` and one short lower-cased slice, and nothing here throws.
 *
 * A path alone names the API only when it carries a model (Gemini, Vertex, Bedrock, Realtime);
 * generic paths (`/chat/completions`, `/api/chat`) are `confirmed` by the keys of the JSON body.
 */
import { scanJsonPrefix } from './json-prefix.ts';
import { MAX_MODEL_LENGTH } from './model-name.ts';

export type ApiShape =
  | 'openai-chat'
  | 'openai-completions'
  | 'openai-responses'
  | 'openai-embeddings'
  | 'openai-images'
  | 'openai-audio'
  | 'openai-realtime'
  | 'anthropic-messages'
  | 'gemini'
  | 'bedrock'
  | 'cohere-chat'
  | 'ollama';

export interface ApiCall {
  shape: ApiShape;
  model?: string;
  /** path and body both fit the shape */
  confirmed: boolean;
}

/** Longer pathnames are not API calls worth the work (and may be built to be expensive). */
export const MAX_API_PATH_LENGTH = 2048;

/** Query strings past this length are cut before `model=` is read (Realtime only). */
const MAX_SEARCH_LENGTH = 4096;

/**
 * What the body must hold for the path's shape to be confirmed: `path` – nothing, the path is
 * specific enough; `model+<key>` – both keys at the top level (`message(s)`: either, Cohere v1
 * sends `message`); `<key>` – that key alone (image prompts; Azure deployments, whose path
 * names the deployment and whose body need not name a model).
 */
type Needs = 'path' | 'model+messages' | 'model+message(s)' | 'model+prompt' | 'model+input' | 'messages' | 'prompt' | 'input';

interface PathMatch {
  shape: ApiShape;
  model?: string;
  needs: Needs;
}

const GEMINI_METHODS = new Set([
  'generatecontent',
  'streamgeneratecontent',
  'counttokens',
  'embedcontent',
  'batchembedcontents',
  'predict',
  'rawpredict',
  'streamrawpredict',
]);

const BEDROCK_METHODS = new Set(['invoke', 'invoke-with-response-stream', 'converse', 'converse-stream']);

/** Last path segments (lower-cased) that can end an API path, other than Gemini's and Bedrock's. */
const LAST_SEGMENTS = new Set([
  'completions',
  'responses',
  'embeddings',
  'generations',
  'edits',
  'transcriptions',
  'translations',
  'speech',
  'realtime',
  'messages',
  'chat',
  'generate',
]);

/** `v1`, `v2`, `v1beta`, `v1alpha1`: the version segment OpenAI-style APIs sit under. */
const VERSION_RE = /^v\d{1,3}(?:alpha|beta)?\d{0,3}$/;

/** The API shape a pathname alone suggests, and the model it names if any. */
export function shapeOfPath(pathname: string): { shape: ApiShape; model?: string } | undefined {
  const match = matchPath(pathname, '');
  if (!match) return undefined;
  return match.model === undefined ? { shape: match.shape } : { shape: match.shape, model: match.model };
}

const hasOwn = Object.prototype.hasOwnProperty;
const applyFn = Reflect.apply;

/**
 * A result's `model` only when it is the result's own: the page hook runs this in the page's
 * world, where `Object.prototype.model = '…'` would otherwise name the model of every request
 * whose path and body name none (built-ins captured when the module loads, before page scripts).
 */
export function ownModel(result: { model?: string }): string | undefined {
  return applyFn(hasOwn, result, ['model']) ? result.model : undefined;
}

/**
 * The AI API call a request is, from its parsed URL parts and (a prefix of) its body; the
 * caller reads the body only when `shapeOfPath` matched.
 */
export function apiCallOf(pathname: string, search: string, body: string | undefined): ApiCall | undefined {
  const match = matchPath(pathname, search);
  if (!match) return undefined;
  const needsBody = match.needs !== 'path';
  // `/v1/audio/speech` is confirmed by its path yet names its model in the body.
  const pathModel = ownModel(match);
  const scan = (needsBody || pathModel === undefined) && typeof body === 'string' && body !== '' ? scanJsonPrefix(body) : undefined;
  const bodyModel = scan ? ownModel(scan) : undefined;
  const model = pathModel ?? bodyModel;
  const confirmed = !needsBody || (scan !== undefined && bodyFits(match.needs, scan.keys, bodyModel !== undefined));
  const call: ApiCall = { shape: match.shape, confirmed };
  if (model !== undefined && model !== '') call.model = model;
  return call;
}

function bodyFits(needs: Needs, keys: string[], modelIsString: boolean): boolean {
  // The model key counts even when its value is not a string, and even past the kept keys.
  const hasModel = modelIsString || keys.includes('model');
  switch (needs) {
    case 'model+messages':
      return hasModel && keys.includes('messages');
    case 'model+message(s)':
      return hasModel && (keys.includes('messages') || keys.includes('message'));
    case 'model+prompt':
      return hasModel && keys.includes('prompt');
    case 'model+input':
      return hasModel && keys.includes('input');
    case 'messages':
    case 'prompt':
    case 'input':
      return keys.includes(needs);
    case 'path':
      return true;
  }
}

function matchPath(pathname: string, search: string): PathMatch | undefined {
  if (typeof pathname !== 'string' || pathname.length > MAX_API_PATH_LENGTH) return undefined;
  let end = pathname.length;
  while (end > 0 && pathname.charCodeAt(end - 1) === 0x2f) end--;
  const lastStart = pathname.lastIndexOf('/', end - 1) + 1;
  const raw = pathname.slice(lastStart, end);
  const colon = raw.indexOf(':');
  if (colon >= 0) return geminiMatch(pathname, lastStart, raw, colon);
  const last = raw.toLowerCase();
  if (BEDROCK_METHODS.has(last)) return bedrockMatch(pathname, lastStart);
  // Segments before the last one are read only when the last one can end an API path.
  if (!LAST_SEGMENTS.has(last)) return undefined;
  const prev = segmentBefore(pathname, lastStart, 1);
  switch (last) {
    case 'completions':
      if (prev === 'chat') return { shape: 'openai-chat', needs: segmentBefore(pathname, lastStart, 3) === 'deployments' ? 'messages' : 'model+messages' };
      if (isVersion(prev)) return { shape: 'openai-completions', needs: 'model+prompt' };
      return segmentBefore(pathname, lastStart, 2) === 'deployments' ? { shape: 'openai-completions', needs: 'prompt' } : undefined;
    case 'responses':
      // Azure also serves it unversioned: `/openai/responses?api-version=...`.
      return isVersion(prev) || prev === 'openai' ? { shape: 'openai-responses', needs: 'model+input' } : undefined;
    case 'embeddings':
      if (isVersion(prev)) return { shape: 'openai-embeddings', needs: 'model+input' };
      return segmentBefore(pathname, lastStart, 2) === 'deployments' ? { shape: 'openai-embeddings', needs: 'input' } : undefined;
    case 'generations':
    case 'edits':
      return prev === 'images' ? { shape: 'openai-images', needs: 'prompt' } : undefined;
    case 'transcriptions':
    case 'translations':
    case 'speech':
      if (prev !== 'audio') return undefined;
      // Transcriptions are multipart, so only OpenAI's own `/v1/audio/` confirms by path; elsewhere
      // (Azure deployments, gateways) only the JSON text-to-speech body can: `model` and `input`.
      return { shape: 'openai-audio', needs: segmentBefore(pathname, lastStart, 2) === 'v1' ? 'path' : 'model+input' };
    case 'realtime':
      return isVersion(prev) ? realtimeMatch(search) : undefined;
    case 'messages':
      return prev === 'v1' ? { shape: 'anthropic-messages', needs: 'model+messages' } : undefined;
    case 'chat':
      if (prev === 'v1' || prev === 'v2') return { shape: 'cohere-chat', needs: 'model+message(s)' };
      return prev === 'api' ? { shape: 'ollama', needs: 'model+messages' } : undefined;
    case 'generate':
      return prev === 'api' ? { shape: 'ollama', needs: 'model+prompt' } : undefined;
  }
  return undefined;
}

/**
 * `.../models/<model>:<method>` (Gemini API, Vertex AI). On Vertex the model keeps its
 * `publishers/<vendor>/models/` prefix, which names who built it (model-name.ts reads both).
 */
function geminiMatch(pathname: string, lastStart: number, raw: string, colon: number): PathMatch | undefined {
  if (!GEMINI_METHODS.has(raw.slice(colon + 1).toLowerCase())) return undefined;
  if (colon === 0 || segmentBefore(pathname, lastStart, 1) !== 'models') return undefined;
  let model = raw.slice(0, colon);
  if (segmentBefore(pathname, lastStart, 3) === 'publishers') {
    const vendor = rawSegmentBefore(pathname, lastStart, 2);
    if (vendor) model = `publishers/${vendor}/models/${model}`;
  }
  return { shape: 'gemini', model: cutModel(decodeSegment(model)), needs: 'path' };
}

/**
 * `/model/<modelId>/<method>` (Bedrock runtime). The ID is percent-encoded (`%3A`), and an
 * inference-profile ARN may arrive with its `/` unencoded, so the ID is everything between the
 * last `/model/` and the method.
 */
function bedrockMatch(pathname: string, lastStart: number): PathMatch | undefined {
  const idEnd = lastStart - 1;
  if (idEnd <= 0) return undefined;
  const marker = pathname.toLowerCase().lastIndexOf('/model/', idEnd - 1);
  if (marker < 0) return undefined;
  const id = pathname.slice(marker + '/model/'.length, idEnd);
  if (id === '') return undefined;
  return { shape: 'bedrock', model: cutModel(decodeSegment(id)), needs: 'path' };
}

/** `/v1/realtime?model=gpt-4o-realtime-preview`: a WebSocket, so the model is in the query. */
function realtimeMatch(search: string): PathMatch {
  if (typeof search !== 'string' || search === '') return { shape: 'openai-realtime', needs: 'path' };
  const model = new URLSearchParams(search.slice(0, MAX_SEARCH_LENGTH)).get('model');
  return model ? { shape: 'openai-realtime', model: cutModel(model), needs: 'path' } : { shape: 'openai-realtime', needs: 'path' };
}

/** The `n`-th segment before the one starting at `lastStart`, lower-cased ('' when none). */
function segmentBefore(pathname: string, lastStart: number, n: number): string {
  return rawSegmentBefore(pathname, lastStart, n).toLowerCase();
}

function rawSegmentBefore(pathname: string, lastStart: number, n: number): string {
  let end = lastStart - 1; // the slash before the last segment
  let start = end;
  for (let k = 0; k < n; k++) {
    if (end <= 0) return '';
    start = pathname.lastIndexOf('/', end - 1) + 1;
    if (k < n - 1) end = start - 1;
  }
  return pathname.slice(start, end);
}

function isVersion(segment: string): boolean {
  return segment.length >= 2 && segment.length <= 12 && VERSION_RE.test(segment);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape (`%E0%A4%A`): keep the ID as written
  }
}

function cutModel(model: string): string {
  return model.length > MAX_MODEL_LENGTH ? model.slice(0, MAX_MODEL_LENGTH) : model;
}
