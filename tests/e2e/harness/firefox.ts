/**
 * Firefox end-to-end harness: Debian's firefox-esr, headless, driven over WebDriver BiDi (no
 * Playwright build of Firefox exists here), with dist/firefox installed as a temporary add-on.
 * Every hostname resolves to 127.0.0.1 (network.dns.forceResolve), so pages are opened as
 * http://<real host>:<fixture port>/ and nothing can reach the internet.
 *
 * Needs a global WebSocket: Node 20 has it behind --experimental-websocket, which the e2e project
 * passes to its workers (vitest.config.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GECKO_ID } from '../../../src/core/constants.ts';
import { type FixtureServer, startFixtureServer } from './fixture-server.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const DIST_FIREFOX = resolve(import.meta.dirname, '../../../dist/firefox');
/** Pinned through extensions.webextensions.uuids, so extension URLs are known in advance. */
const EXTENSION_UUID = '5d0e6a52-7c1b-4c55-9d3e-000000000001';

const PREFS: Record<string, string | boolean | number> = {
  'network.dns.forceResolve': '127.0.0.1',
  'network.proxy.type': 0,
  // Fixture pages are plain http on a local port; keep Firefox from upgrading them.
  'dom.security.https_only_mode': false,
  'dom.security.https_first': false,
  'dom.security.https_first_schemeless': false,
  'network.stricttransportsecurity.preloadlist': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'app.update.enabled': false,
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
};

type BidiReply = { id: number; type: 'success' | 'error'; result?: any; error?: string; message?: string };

export interface FirefoxExtension {
  server: FixtureServer;
  /** `moz-extension://<uuid>/` */
  extensionOrigin: string;
  /** http URL of a fixture page on `host`, through the fixture server's port. */
  urlFor(host: string, path?: string): string;
  /** Opens a new tab at `url` and returns its browsing-context ID. */
  openTab(url: string): Promise<string>;
  navigate(context: string, url: string): Promise<void>;
  /** Evaluates `expression` (awaiting promises) in a browsing context and returns its JSON value. */
  evaluate<T>(context: string, expression: string): Promise<T>;
  /** Evaluates in an extension page, with the extension's APIs (`browser.*`). */
  extensionEval<T>(expression: string): Promise<T>;
  /** Sends a raw WebDriver BiDi command and returns its result (throws on an error reply). */
  send(method: string, params: object): Promise<any>;
  close(): Promise<void>;
}

export function hasFirefox(): boolean {
  return existsSync(FIREFOX_PATH);
}

export interface FirefoxOptions {
  /** Preferences on top of PREFS (e.g. `extensions.webextOptionalPermissionPrompts: false`). */
  prefs?: Record<string, string | boolean | number>;
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxExtension> {
  if (!hasFirefox()) throw new Error(`firefox-esr not found at ${FIREFOX_PATH}: npm test installs it with apt, or set FIREFOX_PATH`);
  const server = await startFixtureServer();
  const profile = await mkdtemp(join(tmpdir(), 'ajg-firefox-'));
  await writeFile(join(profile, 'user.js'), Object.entries({ ...PREFS, ...options.prefs }).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
  const child = spawn(FIREFOX_PATH, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0', '--remote-allow-system-access'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let bidi: Bidi | undefined;
  try {
    bidi = await Bidi.connect(`${await bidiUrlOf(child)}/session`);
    await bidi.send('session.new', { capabilities: {} });
    await bidi.send('webExtension.install', { extensionData: { type: 'path', path: DIST_FIREFOX } });
  } catch (error) {
    bidi?.close();
    child.kill('SIGKILL');
    await server.close();
    throw error;
  }
  const b = bidi;
  const extensionOrigin = `moz-extension://${EXTENSION_UUID}/`;
  const navigate = async (context: string, url: string) => void (await b.send('browsingContext.navigate', { context, url, wait: 'complete' }));
  const openTab = async (url: string) => {
    const { context } = await b.send('browsingContext.create', { type: 'tab' });
    await navigate(context, url);
    return context as string;
  };
  const evaluate = async <T>(context: string, expression: string): Promise<T> => {
    const reply = await b.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
    if (reply.type === 'exception') throw new Error(`evaluate failed: ${reply.exceptionDetails?.text}`);
    return deserialize(reply.result) as T;
  };
  let probe: string | undefined;
  return {
    server,
    extensionOrigin,
    urlFor: (host, path = '/') => `http://${host}:${server.httpPort}${path}`,
    openTab,
    navigate,
    evaluate,
    extensionEval: async <T>(expression: string) => {
      probe ??= await openTab(`${extensionOrigin}options.html`);
      // JSON round trip: BiDi's serialisation of nested objects is verbose.
      return JSON.parse(await evaluate<string>(probe, `(async () => JSON.stringify(await (${expression})))()`)) as T;
    },
    send: (method, params) => b.send(method, params),
    close: async () => {
      await b.send('session.end', {}).catch(() => undefined);
      b.close();
      child.kill('SIGTERM');
      const exited = await Promise.race([new Promise((ok) => child.once('exit', () => ok(true))), new Promise((ok) => setTimeout(() => ok(false), 5000))]);
      if (!exited) child.kill('SIGKILL');
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

function bidiUrlOf(child: ChildProcess): Promise<string> {
  return new Promise((ok, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Firefox did not start its BiDi server within 30 s:\n${output.slice(-2000)}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        ok(match[1]!);
      }
    });
    child.once('exit', (code) => fail(new Error(`Firefox exited (${code}) before BiDi started:\n${output.slice(-2000)}`)));
  });
}

/** The smallest WebDriver BiDi client these tests need: commands with replies, no events. */
class Bidi {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: BidiReply) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.addEventListener('message', (event) => {
      const reply = JSON.parse(String(event.data)) as BidiReply;
      if (typeof reply.id === 'number') this.pending.get(reply.id)?.(reply);
    });
  }

  static connect(url: string): Promise<Bidi> {
    return new Promise((ok, fail) => {
      const ws = new WebSocket(url);
      ws.addEventListener('open', () => ok(new Bidi(ws)), { once: true });
      ws.addEventListener('error', () => fail(new Error(`cannot connect to ${url}`)), { once: true });
    });
  }

  async send(method: string, params: object): Promise<any> {
    const id = this.nextId++;
    const reply = await new Promise<BidiReply>((ok) => {
      this.pending.set(id, ok);
      this.ws.send(JSON.stringify({ id, method, params }));
    });
    this.pending.delete(id);
    if (reply.type === 'error') throw new Error(`${method}: ${reply.error}: ${reply.message}`);
    return reply.result;
  }

  close(): void {
    this.ws.close();
  }
}

/** BiDi remote value → plain JSON value (primitives, arrays, objects). */
function deserialize(value: any): unknown {
  switch (value?.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'number':
    case 'boolean':
      return value.value;
    case 'array':
      return (value.value ?? []).map(deserialize);
    case 'object':
      return Object.fromEntries((value.value ?? []).map(([k, v]: [unknown, unknown]) => [typeof k === 'string' ? k : deserialize(k), deserialize(v)]));
    default:
      return value?.value;
  }
}

/** A node as WebDriver BiDi serialises it (script.NodeRemoteValue), with its subtree. */
interface BidiNode {
  type: 'node';
  sharedId: string;
  value: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
  };
}

function* walkBidi(node: BidiNode): Generator<BidiNode> {
  yield node;
  const { shadowRoot, children = [] } = node.value;
  for (const child of [...(shadowRoot ? [shadowRoot] : []), ...children]) yield* walkBidi(child);
}

const textOf = (node: BidiNode): string => [...walkBidi(node)].filter((n) => n.value.nodeType === 3).map((n) => n.value.nodeValue ?? '').join('');

export interface FirefoxBanner {
  /** `data-kind` of the banner's box (`blocked` for the block-mode line). */
  kind: string | undefined;
  brand: string;
  text: string;
  buttons: Array<{ label: string; sharedId: string }>;
  /** The box inside the shadow root, for element screenshots. */
  boxId: string;
}

/**
 * The in-page warning, read the way WebDriver BiDi lets a test read it: node serialisation with
 * `includeShadowTree: "all"` returns closed shadow roots too (the spec's "serialize as a remote
 * value", https://w3c.github.io/webdriver-bidi/#type-script-SerializationOptions), from a BiDi
 * sandbox realm so page scripts cannot interfere. Nothing here is reachable by the page: its own
 * `host.shadowRoot` stays null (the tests check). Null when there is no banner.
 */
export async function firefoxBanner(ff: FirefoxExtension, context: string): Promise<FirefoxBanner | null> {
  const reply = await ff.send('script.evaluate', {
    expression: `document.querySelector('[data-ajg-warning]')`,
    target: { context, sandbox: 'ajg-test' },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { maxDomDepth: 30, includeShadowTree: 'all' },
  });
  if (reply.type === 'exception') throw new Error(`banner lookup failed: ${reply.exceptionDetails?.text}`);
  const host = reply.result as BidiNode | { type: 'null' };
  if (host.type !== 'node' || !host.value.shadowRoot) return null;
  const inside = [...walkBidi(host.value.shadowRoot)];
  const byClass = (name: string) => inside.find((n) => n.value.attributes?.class?.split(' ').includes(name));
  const box = inside.find((n) => n.value.attributes?.['data-kind'] !== undefined);
  const text = byClass('text');
  const brand = byClass('brand');
  return {
    kind: box?.value.attributes?.['data-kind'],
    brand: brand ? textOf(brand) : '',
    text: text ? textOf(text) : '',
    buttons: inside.filter((n) => n.value.localName === 'button').map((b) => ({ label: textOf(b), sharedId: b.sharedId })),
    boxId: (box ?? host).sharedId,
  };
}

/** A real (trusted) mouse click in the middle of the node `sharedId` (BiDi input.performActions). */
export async function firefoxClick(ff: FirefoxExtension, context: string, sharedId: string): Promise<void> {
  await ff.send('input.performActions', {
    context,
    actions: [
      {
        type: 'pointer',
        id: 'mouse',
        parameters: { pointerType: 'mouse' },
        actions: [
          { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId } } },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ],
      },
    ],
  });
  await ff.send('input.releaseActions', { context });
}

/** Real key presses (trusted input events) of `text` into whatever has focus. */
export async function firefoxType(ff: FirefoxExtension, context: string, text: string): Promise<void> {
  const keys = [...text].flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]);
  await ff.send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions: keys }] });
}

/**
 * The tab's window as the user sees it, or one node (`sharedId`, which may be inside a closed
 * shadow root), saved as artifacts/screenshots/<name>.png (BiDi browsingContext.captureScreenshot).
 */
export async function firefoxScreenshot(ff: FirefoxExtension, context: string, name: string, sharedId?: string): Promise<string> {
  const { data } = await ff.send('browsingContext.captureScreenshot', {
    context,
    ...(sharedId ? { clip: { type: 'element', element: { sharedId } } } : {}),
  });
  const dir = resolve(import.meta.dirname, '../../../artifacts/screenshots');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await writeFile(path, Buffer.from(data as string, 'base64'));
  return path;
}
