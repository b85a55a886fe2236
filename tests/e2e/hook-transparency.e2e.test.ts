/**
 * The MAIN-world hook must be invisible to pages. The probe page
 * (tests/fixtures/sites/probe.example.com/probes.js) asks what a page could ask of fetch,
 * XMLHttpRequest, WebSocket, EventSource, navigator.sendBeacon, Request, Blob and File (results, errors, event order,
 * function sources, property descriptors, globals) and this test compares every answer in the
 * same Chromium without the extension and with it, against one fixture server. What that server
 * received from each side is compared too: the hook must not change what goes over the wire.
 * A few absolute facts make sure the comparison cannot pass because both sides broke.
 */
import type { IncomingMessage } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension } from './harness/browser.ts';
import { type FixtureServer, type RecordedRequest, type RouteHandler, startFixtureServer } from './harness/fixture-server.ts';
import { launchPlainBrowser } from './harness/plain-browser.ts';
import { attachWebSocketEcho } from './harness/websocket-echo.ts';

const PROBE_HOST = 'probe.example.com';
const AI_HOST = 'api.openai.com';
const HOSTS = [PROBE_HOST, AI_HOST];
/** Must equal CHAT_BODY in probes.js: what the AI host has to receive byte for byte. */
const CHAT_BODY = JSON.stringify({
  model: 'gpt-4o',
  messages: [{ role: 'user', content: 'Grüße — 你好 🚀 "quoted" \\ back\nslash' }],
  stream: false,
});
/** Beacons the page sends; they arrive after the page is done, so the test waits for them. */
const BEACON_TAGS = ['beacon-text', 'beacon-json', 'beacon-params', 'beacon-blob', 'beacon-formdata', 'beacon-arraybuffer', 'beacon-empty', 'beacon-url-object', 'beacon-to-string'];
/**
 * Differences the hook cannot avoid, each removed from the comparison here by name and reason
 * (and listed in docs/development.md), so that everything else must match exactly:
 * - A fetch() or navigator.credentials.get() that rejects at once (bad input, network error,
 *   illegal invocation) rejects with an error whose stack
 *   has one extra frame, `at Object.apply (<anonymous>:L:C)`: the wrapper is on the stack when
 *   the native creates the error, and a rejection cannot be edited without handling it (which
 *   would hide the page's own unhandled rejections). Synchronous throws are fixed by the hook.
 * - Seen through another realm's Function.prototype.toString (a fresh about:blank frame),
 *   the wrappers read `function () { [native code] }`: Proxies of natives print without a name.
 * - `Function.prototype.toString.call({})` loses the native `at Object.toString (<anonymous>)`
 *   frame (the hook re-takes the stack from its caller).
 * - A Proxy passed as fetch's init, or as a Request's, sees one extra
 *   getOwnPropertyDescriptor("body"): the hook reads the body without calling getters.
 * - A Proxy passed as a Blob's parts sees getPrototypeOf and getOwnPropertyDescriptor of
 *   Symbol.iterator before the browser iterates it, and of `length` and each index after: the
 *   hook reads the parts without running the page's getters or iterator a second time.
 * - An error the page's own code throws while a wrapped constructor converts its arguments (here
 *   a Blob part's toString) has its stack taken again from the constructor's caller, as for the
 *   native errors of bad arguments: the page's frames above that call (`at Object.toString`) go.
 */
const OWN_FETCH_FRAME = /\n {4}at Object\.apply \(<anonymous>:\d+:\d+\)/g;
const PAGE_TO_STRING_FRAME = /\n {4}at Object\.toString \(https:\/\/probe\.example\.com\/probes\.js:\d+:\d+\)/;
const CROSS_REALM_KEYS = new Set(['crossRealmToString', 'frameToStringOfOurFetch', 'crossRealm']);

function withoutKnownLimits(name: string, value: unknown, side: 'plain' | 'extension'): unknown {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let out = v;
      if (side === 'extension' && (name.startsWith('fetch: ') || name === 'functions: window.fetch' || name === 'functions: CredentialsContainer.prototype.get')) out = out.replace(OWN_FETCH_FRAME, '');
      if (name === 'functions: toString on a non-function' || name === 'functions: Function.prototype.toString') out = out.replace('\n    at Object.toString (<anonymous>)', '');
      if (name === 'bodies: Blob and File errors') out = out.replace(PAGE_TO_STRING_FRAME, '');
      return out;
    }
    if (Array.isArray(v)) {
      const items = v.map(walk);
      if (side === 'extension' && (name === 'fetch: init members read once, in order, before fetch() returns' || name === 'bodies: Request init members read once, in order')) return items.filter((x) => x !== 'gopd body');
      if (side === 'extension' && name === 'bodies: Blob parts given as a Proxy') return items.filter((x) => x !== 'getPrototypeOf' && !(typeof x === 'string' && x.startsWith('gopd ')));
      return items;
    }
    if (typeof v === 'object' && v !== null) {
      return Object.fromEntries(Object.entries(v).filter(([k]) => !CROSS_REALM_KEYS.has(k)).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return name === 'globals: a fresh frame sees the same fetch source' ? undefined : walk(value);
}

const GROUPS = ['fetch', 'xhr', 'websocket', 'eventsource', 'beacon', 'bodies', 'functions', 'surface', 'globals', 'page'] as const;

interface Probe {
  name: string;
  value: unknown;
}

interface Side {
  probes: Map<string, unknown>;
  names: string[];
  /** What the fixture server received while this side ran. */
  received: RecordedRequest[];
  console: string[];
}

// ------------------------------------------------------------------ fixture server routes

const CORS = { 'access-control-allow-origin': '*' };
/** Echo answers by host + path + query, to check the page got exactly what was sent. */
const sentByEcho = new Map<string, string>();

const boundaryOf = (contentType: string | undefined) => /boundary=([^;\s]+)/.exec(contentType ?? '')?.[1];
/** Multipart boundaries are random: replaced so that both sides compare equal. */
function withoutBoundary(text: string, contentType: string | undefined): string {
  const boundary = boundaryOf(contentType);
  return boundary ? text.split(boundary).join('BOUNDARY') : text;
}

/**
 * CORS that also admits credentialed requests (sendBeacon sends a non-form Blob as a credentialed
 * CORS request): the caller's origin instead of `*`.
 */
const corsWithCredentials = (req: IncomingMessage) => ({
  'access-control-allow-origin': req.headers.origin ?? '*',
  'access-control-allow-credentials': 'true',
  vary: 'origin',
});
const corsFor = (req: IncomingMessage) => (req.url?.startsWith('/v1/beacon') ? corsWithCredentials(req) : CORS);

const preflight: RouteHandler = (req, res) => {
  res.sendDate = false;
  res.writeHead(204, {
    ...corsFor(req),
    'access-control-allow-methods': req.headers['access-control-request-method'] ?? 'GET',
    'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
    'access-control-max-age': '0',
  });
  res.end();
};

/** Answers with what it received, as JSON, readable cross-origin. */
const echo: RouteHandler = (req, res, body) => {
  if (req.method === 'OPTIONS') return preflight(req, res, body);
  const contentType = req.headers['content-type'];
  const text = JSON.stringify({
    method: req.method,
    host: req.headers.host,
    path: req.url,
    contentType: contentType && withoutBoundary(contentType, contentType),
    body: withoutBoundary(body, contentType),
    bytes: Buffer.byteLength(body),
  });
  res.sendDate = false;
  res.writeHead(200, { ...corsFor(req), 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
  sentByEcho.set(`${req.headers.host}${req.url}`, text);
};

/** Holds the request until the browser gives up on it. */
const hang: RouteHandler = (_req, res) => new Promise((done) => res.on('close', done));

/** Sends the headers and a first chunk, then waits (for aborting a body mid-read). */
const drip: RouteHandler = (_req, res) => {
  res.sendDate = false;
  res.writeHead(200, { ...CORS, 'content-type': 'text/plain' });
  res.write('first chunk');
  return new Promise((done) => res.on('close', done));
};

const events: RouteHandler = (_req, res) => {
  res.sendDate = false;
  res.writeHead(200, { ...CORS, 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
  res.write('retry: 60000\n\ndata: one\n\nevent: ping\ndata: p\n\nid: 7\ndata: two\ndata: lines\n\n');
  return new Promise((done) => res.on('close', done));
};

const redirect: RouteHandler = (req, res) => {
  const tag = new URL(req.url ?? '/', 'https://x').searchParams.get('p');
  res.sendDate = false;
  res.writeHead(302, { ...CORS, location: `/echo?p=redirected-${tag}`, 'content-length': '0' });
  res.end();
};

function installRoutes(server: FixtureServer): void {
  server.route(PROBE_HOST, '/echo', echo);
  server.route(PROBE_HOST, '/hang', hang);
  server.route(PROBE_HOST, '/redirect', redirect);
  server.route(PROBE_HOST, '/events', events);
  server.route(AI_HOST, '/v1/chat/completions', echo);
  server.route(AI_HOST, '/v1/beacon', echo);
  server.route(AI_HOST, '/v1/drip', drip);
  server.route(AI_HOST, '/v1/events', events);
  attachWebSocketEcho(server, PROBE_HOST, '/ws');
  attachWebSocketEcho(server, AI_HOST, '/v1/realtime');
}

// ------------------------------------------------------------------ running one side

async function runProbes(page: Page, server: FixtureServer): Promise<Side> {
  const start = server.requests.length;
  const consoleLines: string[] = [];
  // Chromium words a failed WebSocket's console line differently when any extension is loaded
  // (the detail after "failed:" goes), which the page cannot see: only the line itself counts.
  page.on('console', (m) => void consoleLines.push(`${m.type()}: ${m.text().replace(/^(WebSocket connection to '[^']*' failed:).*$/s, '$1')}`));
  page.on('pageerror', (e) => void consoleLines.push(`pageerror: ${e.message}`));
  await page.goto(`https://${PROBE_HOST}/`);
  await page.waitForFunction(() => Array.isArray((window as unknown as { __probes?: unknown }).__probes), undefined, { timeout: 45_000 });
  const list = await page.evaluate(() => (window as unknown as { __probes: Probe[] }).__probes);
  // Beacons go out after the page has moved on; wait until all of them are in.
  const beaconsIn = () => BEACON_TAGS.every((tag) => server.requests.slice(start).some((r) => r.method === 'POST' && r.path.endsWith(`p=${tag}`)));
  for (let waited = 0; !beaconsIn() && waited < 5_000; waited += 20) await new Promise((ok) => setTimeout(ok, 20));
  await page.close();
  return {
    probes: new Map(list.map((p) => [p.name, p.value])),
    names: list.map((p) => p.name),
    received: server.requests.slice(start),
    console: consoleLines.sort(),
  };
}

/** What the server saw, in an order and form that does not depend on timing. */
function wireView(received: RecordedRequest[]): string[] {
  return received
    .filter((r) => !r.path.includes('volatile'))
    .map((r) => {
      const contentType = typeof r.headers['content-type'] === 'string' ? r.headers['content-type'] : undefined;
      const headers = Object.entries(r.headers)
        .filter(([name]) => name !== 'sec-websocket-key')
        .map(([name, value]) => `${name}=${withoutBoundary(String(value), contentType)}`)
        .sort();
      return `${r.scheme} ${r.method} ${r.host}${r.path} ${JSON.stringify(withoutBoundary(r.body, contentType))} ${headers.join(' | ')}`;
    })
    .sort();
}

/** A probe's value, typed loosely for the absolute checks. */
type Json = any;

describe('the MAIN-world hook is invisible to pages', () => {
  let server: FixtureServer;
  let plain: Side;
  let withExtension: Side;

  beforeAll(async () => {
    server = await startFixtureServer();
    installRoutes(server);
    const reference = await launchPlainBrowser({ hosts: HOSTS, server });
    try {
      plain = await runProbes(await reference.newPage(), server);
    } finally {
      await reference.close();
    }
    const ext = await launchExtension({ hosts: HOSTS, server });
    try {
      withExtension = await runProbes(await ext.newPage(), server);
    } finally {
      await ext.close();
    }
  });

  afterAll(async () => {
    await server?.close();
  });

  it('runs the same probes on both sides, all in known groups', () => {
    expect(withExtension.names).toEqual(plain.names);
    expect(plain.names.length).toBeGreaterThan(150);
    expect(new Set(plain.names).size).toBe(plain.names.length);
    expect(plain.names.filter((n) => !GROUPS.some((g) => n.startsWith(`${g}: `)))).toEqual([]);
  });

  it.each(GROUPS)('%s probes answer the same with the extension', (group) => {
    const names = plain.names.filter((n) => n.startsWith(`${group}: `));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect.soft(withoutKnownLimits(name, withExtension.probes.get(name), 'extension'), name).toEqual(withoutKnownLimits(name, plain.probes.get(name), 'plain'));
    }
  });

  it('sends the same requests over the wire (method, URL, headers, body)', () => {
    const plainWire = wireView(plain.received);
    const extWire = wireView(withExtension.received);
    for (let i = 0; i < Math.max(plainWire.length, extWire.length); i++) expect.soft(extWire[i], `request ${i}`).toBe(plainWire[i]);
  });

  it('prints the same console messages', () => {
    expect(withExtension.console).toEqual(plain.console);
  });

  describe('absolute facts, on both sides (so a comparison of two broken pages cannot pass)', () => {
    const sides = () => [
      ['without the extension', plain],
      ['with the extension', withExtension],
    ] as const;
    const value = (side: Side, name: string): Json => {
      expect(side.probes.has(name), `probe "${name}" exists`).toBe(true);
      return side.probes.get(name);
    };

    it('no probe failed or timed out in the plain browser', () => {
      expect([...plain.probes].filter(([, v]) => JSON.stringify(v).includes('"probeFailed"')).map(([n]) => n)).toEqual([]);
    });

    it('fetch and friends look native', () => {
      for (const [label, side] of sides()) {
        const fetchFn = value(side, 'functions: window.fetch');
        expect(fetchFn.toString, label).toBe('function fetch() { [native code] }');
        if (label === 'without the extension') expect(fetchFn.crossRealmToString, label).toBe('function fetch() { [native code] }');
        expect([fetchFn.name, fetchFn.length, fetchFn.constructible], label).toEqual(['fetch', 1, false]);
        expect(value(side, 'functions: XMLHttpRequest.prototype.open').toString, label).toBe('function open() { [native code] }');
        expect(value(side, 'functions: WebSocket').toString, label).toBe('function WebSocket() { [native code] }');
        expect(value(side, 'functions: navigator.sendBeacon').name, label).toBe('sendBeacon');
        expect(value(side, 'functions: CredentialsContainer.prototype.get').toString, label).toBe('function get() { [native code] }');
        expect(value(side, 'functions: PaymentRequest').toString, label).toBe('function PaymentRequest() { [native code] }');
        expect(value(side, 'functions: RTCPeerConnection.prototype.setConfiguration').toString, label).toBe('function setConfiguration() { [native code] }');
        expect(value(side, 'functions: Function.prototype.toString').toString, label).toBe('function toString() { [native code] }');
      }
    });

    it('errors are the native ones', () => {
      for (const [label, side] of sides()) {
        const invalid = value(side, 'fetch: invalid URL').rejected;
        expect([invalid.name, invalid.isTypeError, invalid.stackMentionsExtension], label).toEqual(['TypeError', true, false]);
        expect(value(side, 'fetch: signal aborted before, default reason').rejected.name, label).toBe('AbortError');
        expect(value(side, 'fetch: signal aborted before, custom reason is what rejects').rejectsWithTheReason, label).toBe(true);
        expect(value(side, 'fetch: with this = another object (Illegal invocation)').rejected.message, label).toBe("Failed to execute 'fetch' on 'Window': Illegal invocation");
        const badMethod = value(side, 'xhr: open() with an invalid method').threw;
        expect([badMethod.name, badMethod.isDOMException], label).toEqual(['SyntaxError', true]);
        expect(value(side, 'xhr: send() twice').threw.name, label).toBe('InvalidStateError');
        expect(value(side, 'websocket: WebSocket() without new').threw.isTypeError, label).toBe(true);
        expect(value(side, 'eventsource: invalid URL').threw.name, label).toBe('SyntaxError');
      }
    });

    it('a synchronous XHR returns the body the server sent', () => {
      const sent = sentByEcho.get(`${PROBE_HOST}/echo?p=xhr-sync-get`);
      expect(sent).toContain('"method":"GET"');
      for (const [label, side] of sides()) {
        const sync = value(side, 'xhr: synchronous GET');
        expect([sync.xhr.status, sync.xhr.response], label).toEqual([200, sent]);
      }
    });

    it('the AI host receives the exact JSON bodies, and the page gets the echo', () => {
      for (const [label, side] of sides()) {
        for (const tag of ['json', 'xhr-sync-json', 'xhr-async-json']) {
          const posts = side.received.filter((r) => r.host === AI_HOST && r.method === 'POST' && r.path === `/v1/chat/completions?p=${tag}`);
          expect(posts.map((r) => r.body), `${label} ${tag}`).toEqual([CHAT_BODY]);
          expect(posts[0]?.headers['content-type'], `${label} ${tag}`).toBe('application/json');
        }
        const fetched = value(side, 'fetch: JSON string body to the AI host (with preflight)').resolved.response;
        expect([fetched.status, JSON.parse(fetched.text).body], label).toEqual([200, CHAT_BODY]);
      }
    });

    it('Request, Blob and File look native, keep their chain and carry their bodies to the AI host', () => {
      for (const [label, side] of sides()) {
        const natives: Array<[string, string]> = [['Request', 'Request'], ['Blob', 'Blob'], ['File', 'File'], ['Request.prototype.clone', 'clone']];
        for (const [path, name] of natives) {
          const fn = value(side, `functions: ${path}`);
          expect([fn.toString, fn.name], `${label} ${path}`).toEqual([`function ${name}() { [native code] }`, name]);
        }
        expect(value(side, 'bodies: Request identity, prototype chain and own names'), label).toMatchObject({ instanceOf: true, constructorIs: true, prototypeConstructor: true, hasInstance: true, cloneIsSame: true });
        expect(value(side, 'bodies: Request subclass and new.target'), label).toMatchObject({ isSub: true, isRequest: true, proto: true, target: true, otherProto: true, copyText: CHAT_BODY });
        expect(value(side, 'bodies: Blob and File identity, prototype chain and own names'), label).toMatchObject({ fileSuper: true, fileProtoChain: true, constructors: [true, true, true, true], fileInstance: [true, true] });
        expect(value(side, 'bodies: Request errors').noNew.threw.isTypeError, label).toBe(true);
        expect(value(side, 'bodies: Blob and File errors').blobNoNew.threw.isTypeError, label).toBe(true);
        for (const tag of ['request-json', 'request-of-request', 'request-clone', 'request-init', 'request-blob', 'file-json']) {
          const posts = side.received.filter((r) => r.host === AI_HOST && r.method === 'POST' && r.path === `/v1/chat/completions?p=${tag}`);
          expect(posts.map((r) => r.body), `${label} ${tag}`).toEqual([CHAT_BODY]);
        }
        const params = side.received.filter((r) => r.method === 'POST' && r.path === '/v1/chat/completions?p=params-model');
        expect(params.map((r) => r.body), label).toEqual(['model=gpt-4o&prompt=a+b%26c']);
      }
    });

    it('WebSockets echo on the AI host and the page origin', () => {
      for (const [label, side] of sides()) {
        const ai = value(side, 'websocket: echo on the AI host with sub-protocols, text, binary and Blob');
        expect(ai.received[0], label).toEqual({ string: 'hello' });
        expect(ai.received[2], label).toEqual({ arrayBuffer: [1, 2, 3, 250] });
        expect(ai.log[0], label).toBe('constructed:0 url=wss://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview protocol= extensions= binaryType=arraybuffer buffered=0');
        expect(ai.log, label).toContain('open:1:Event protocol=realtime extensions=');
        expect(ai.log.at(-1), label).toBe('close:3:CloseEvent code=4000 reason=bye wasClean=true');
        const same = value(side, 'websocket: echo on the same origin');
        expect(same.received, label).toEqual([{ string: 'hello' }]);
        expect(same.log.at(-1), label).toBe('close:3:CloseEvent code=1000 reason=done wasClean=true');
        expect(value(side, 'websocket: subclass').isSub, label).toBe(true);
      }
    });

    it('EventSource streams from the AI host', () => {
      for (const [label, side] of sides()) {
        const log: string[] = value(side, 'eventsource: stream from the AI host');
        expect(log.filter((l) => l.startsWith('message:')).map((l) => /data=("[^"]*(?:\\.[^"]*)*")/.exec(l)?.[1]), label).toEqual(['"one"', '"two\\nlines"']);
      }
    });

    it('sendBeacon returns true and the server gets the body', () => {
      for (const [label, side] of sides()) {
        expect(value(side, 'beacon: text to the AI host'), label).toEqual({ returned: true });
        expect(value(side, 'beacon: over the 64 KiB quota returns false'), label).toEqual({ returned: false });
        const beacon = side.received.find((r) => r.path === '/v1/beacon?p=beacon-text');
        expect([beacon?.method, beacon?.body], label).toEqual(['POST', 'beacon-body']);
        const json = side.received.filter((r) => r.path === '/v1/beacon?p=beacon-json').map((r) => `${r.method} ${r.body}`);
        expect(json, label).toEqual(['OPTIONS ', `POST ${CHAT_BODY}`]);
      }
    });

    it('the page sees no new globals and no messages', () => {
      for (const [label, side] of sides()) {
        expect(value(side, 'globals: own property names added while the probes ran'), label).toEqual([]);
        expect(value(side, 'page: window message events seen'), label).toEqual([]);
      }
    });
  });
});
