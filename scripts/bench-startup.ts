/**
 * npm run bench (last part): how fast the extension starts when it is needed, with today's
 * catalog (the shipped dist/chrome) and with a synthetic one ten times its size
 * (dist-bench/x10/chrome, built or reused by scripts/bench/scaled-build.ts). Medians of
 * BENCH_STARTUP_RUNS runs (default 10) per figure and build; raw figures in the JSON line.
 *
 * 1. Service worker cold start to the first decision. The worker is stopped as the browser stops
 *    an idle one (DevTools ServiceWorker.stopAllWorkers), and the stop is checked (every version
 *    reports "stopped" and no worker target is left); then an extension page navigates a fresh
 *    tab (chrome.tabs.update) to an AI host and times, on its own clock, until the tab's state is
 *    in storage.session (storage.onChanged; background/tab-store.ts writes it once the finding is
 *    decided) and until the toolbar badge shows it (show-badge.ts). Each run checks that the
 *    worker really started again ("starting" after the stop). The same with the worker running,
 *    for comparison, and with a blocked host: until the block page is there (its URL committed)
 *    and until its heading is painted (Element Timing, recorded in the page).
 * 2. The worker's JavaScript heap right after that first decision (Runtime.getHeapUsage on the
 *    worker's target), and after a garbage collection (what the worker keeps).
 * 3. The popup's first paint after the click: chrome.action.openPopup() from an extension page
 *    (as tests/e2e/toolbar-popup.e2e.test.ts opens the real toolbar popup), in headed Chromium on
 *    a virtual display (Xvfb; headless when there is none, and then said so), until the popup's
 *    first-contentful-paint and until its verdict (`.verdict h1`) is painted (Element Timing),
 *    with the worker running, and in every other run with it stopped.
 *
 * Times are differences of performance.timeOrigin + performance.now() taken in the browser's
 * pages, never Node's clock. Playwright attaches to every service worker of the profile, which
 * adds its few milliseconds to each start, alike for both builds.
 *
 * Environment: BENCH_STARTUP_RUNS (10), BENCH_STARTUP_SCALE (10), CHROMIUM_PATH, XVFB_PATH,
 * BENCH_DEBUG=1 (every sample on stderr). About 2 minutes on two quiet cores.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page } from 'playwright-core';
import { CHROME_EXTENSION_ID, TAB_STATE_KEY_PREFIX } from '../src/core/constants.ts';
import { FIRST_RUN_PAGE } from '../src/core/first-run/first-run-decision.ts';
import { CHROMIUM_PATH, DIST_CHROME, EXTENSION_ORIGIN, hostResolverRules, missingPrerequisite } from './bench/browsers.ts';
import { buildScaled } from './bench/scaled-build.ts';
import { startBenchServer } from './bench/server.ts';
import { QUIET_SWITCHES, waitForExtension } from './scan/launch.ts';

const ALLOWED_HOST = 'chatgpt.com';
const BLOCKED_HOST = 'chat.deepseek.com';
const BLOCKED_PROVIDER = 'deepseek';
const XVFB_PATH = process.env.XVFB_PATH ?? '/usr/bin/Xvfb';
const DEBUG = process.env.BENCH_DEBUG === '1';
/** A person clicks the toolbar button once the page is there, not in the same millisecond. */
const POPUP_AFTER_MS = 300;

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench-startup: ${name}=${JSON.stringify(raw)} is not a positive whole number`);
    process.exit(1);
  }
  return n;
}

const RUNS = positive('BENCH_STARTUP_RUNS', 10);
const SCALE = positive('BENCH_STARTUP_SCALE', 10);

/** The median of the finite values (a figure not seen within its time limit is NaN). */
const median = (all: readonly number[]): number => {
  const xs = all.filter(Number.isFinite);
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Plain pages for the two AI hosts; the extension decides on the host alone. */
const PAGE = (host: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${host}</title></head><body><h1>${host}</h1><p>A page on an AI host.</p></body></html>`;

// ---------------------------------------------------------------------------------------------
// A virtual display for the headed browser (the real toolbar popup). Scripts never import from
// tests/, so this is the few lines of tests/e2e/harness/xvfb.ts it needs.

interface Display {
  display: string;
  close(): Promise<void>;
}

async function startXvfb(): Promise<Display | undefined> {
  if (!existsSync(XVFB_PATH)) return undefined;
  const child: ChildProcess = spawn(XVFB_PATH, ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const number = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('Xvfb did not start within 15 s')), 15_000);
    child.stdio[3]!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^(\d+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Xvfb exited (${code}) before it was ready`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    display: `:${number}`,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The browser: one per build, headed on the virtual display when there is one.

interface StartupBrowser {
  context: BrowserContext;
  /** options.html: runs the extension API calls and keeps the DevTools session. */
  control: Page;
  cdp: CDPSession;
  version: string;
  headed: boolean;
  close(): Promise<void>;
}

async function launch(dist: string, port: number, display: Display | undefined): Promise<StartupBrowser> {
  const profile = await mkdtemp(join(tmpdir(), 'ajg-bench-startup-'));
  // The toolbar button pinned, as a person who uses it has it (and as the e2e popup test does).
  await mkdir(join(profile, 'Default'), { recursive: true });
  await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { pinned_extensions: [CHROME_EXTENSION_ID] } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: !display,
    ...(display ? { env: { ...process.env, DISPLAY: display.display } } : {}),
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      `--host-resolver-rules=${hostResolverRules([ALLOWED_HOST, BLOCKED_HOST], port)}`,
      '--no-sandbox',
      ...QUIET_SWITCHES,
    ],
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    await waitForExtension(context);
    const control = await context.newPage();
    await control.goto(`${EXTENSION_ORIGIN}options.html`);
    // The first-run page is not part of the measure, and a popup opened while it is the active
    // tab would be about it: wait for it (a worker slow to start opens it late) and close it.
    const isWelcome = (p: Page) => p.url().startsWith(`${EXTENSION_ORIGIN}${FIRST_RUN_PAGE}`);
    if (!context.pages().some(isWelcome)) await context.waitForEvent('page', { predicate: isWelcome, timeout: 15_000 }).catch(() => undefined);
    for (const page of context.pages()) if (page !== control) await page.close();
    const cdp = await context.newCDPSession(control);
    return { context, control, cdp, version: context.browser()?.version() ?? 'unknown', headed: !!display, close };
  } catch (error) {
    await close();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The service worker: its running status (ServiceWorker domain events), stopping it, its heap.

class Worker {
  /** runningStatus by versionId, for the extension's worker only. */
  private readonly status = new Map<string, string>();
  /** Set when any version of the worker reports "starting" or "running" after markStopped(). */
  startedSinceStop = false;

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (!v.scriptURL.startsWith(EXTENSION_ORIGIN)) continue;
        this.status.set(v.versionId, v.runningStatus);
        if (v.runningStatus === 'starting' || v.runningStatus === 'running') this.startedSinceStop = true;
      }
    });
  }

  static async watch(cdp: CDPSession): Promise<Worker> {
    const worker = new Worker(cdp);
    await cdp.send('ServiceWorker.enable');
    return worker;
  }

  get running(): boolean {
    return [...this.status.values()].some((s) => s !== 'stopped');
  }

  private async target(): Promise<string | undefined> {
    const { targetInfos } = await this.cdp.send('Target.getTargets');
    return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(EXTENSION_ORIGIN))?.targetId;
  }

  private get starting(): boolean {
    return [...this.status.values()].some((s) => s === 'starting');
  }

  /**
   * Stops the worker and checks it: every version "stopped" and no worker target left, still so
   * a moment later. An event queued for the worker (a tab just closed, the block page's question)
   * starts it again: then it is let finish starting and stopped once more.
   */
  async stop(): Promise<void> {
    for (let attempt = 0; attempt < 6; attempt++) {
      for (let i = 0; i < 500 && this.starting; i++) await sleep(20);
      await this.cdp.send('ServiceWorker.stopAllWorkers');
      for (let i = 0; i < 250 && (this.running || (await this.target())); i++) await sleep(20);
      await sleep(100);
      if (!this.running && !(await this.target())) {
        this.startedSinceStop = false;
        return;
      }
    }
    throw new Error('the service worker did not stay stopped');
  }

  /** Runtime.getHeapUsage on the worker's target, before and after a garbage collection (bytes). */
  async heap(): Promise<{ used: number; total: number; usedAfterGc: number }> {
    const targetId = await this.target();
    if (!targetId) throw new Error('no service worker target to measure');
    const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId, flatten: false });
    let nextId = 1;
    const pending = new Map<number, (m: { result?: any; error?: unknown }) => void>();
    const onMessage = (e: { sessionId: string; message: string }) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message) as { id?: number; result?: any; error?: unknown };
      if (m.id !== undefined) pending.get(m.id)?.(m);
    };
    this.cdp.on('Target.receivedMessageFromTarget', onMessage);
    const send = async (method: string): Promise<any> => {
      const id = nextId++;
      const reply = new Promise<{ result?: any; error?: unknown }>((ok) => pending.set(id, ok));
      await this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
      const m = await Promise.race([reply, sleep(15_000).then(() => ({ error: 'no answer within 15 s', result: undefined }))]);
      pending.delete(id);
      if (m.error) throw new Error(`${method}: ${JSON.stringify(m.error)}`);
      return m.result;
    };
    try {
      const before = (await send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number };
      await send('HeapProfiler.collectGarbage');
      const after = (await send('Runtime.getHeapUsage')) as { usedSize: number };
      return { used: before.usedSize, total: before.totalSize, usedAfterGc: after.usedSize };
    } finally {
      this.cdp.off('Target.receivedMessageFromTarget', onMessage);
      await this.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// One measured navigation.

/**
 * Records, in the block page itself, when its heading is painted: it gets an `elementtiming`
 * attribute the moment it has text (see POPUP_PROBE), and the paint time is kept for the bench.
 */
const BLOCK_PAGE_PROBE = `(() => {
  if (location.href.indexOf(${JSON.stringify(`${EXTENSION_ORIGIN}blocked.html`)}) !== 0) return;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.identifier === 'ajg-bench-heading') window.__benchHeading = performance.timeOrigin + (e.renderTime || e.loadTime);
  }).observe({ type: 'element', buffered: true });
  const mo = new MutationObserver(() => {
    const h = document.querySelector('h1');
    if (!h || !h.textContent) return;
    mo.disconnect();
    h.setAttribute('elementtiming', 'ajg-bench-heading');
  });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** A fresh tab (about:blank) and its tab id. */
async function newTab(b: StartupBrowser): Promise<{ page: Page; tabId: number }> {
  // A stray tab (the browser's first, which a headed window may show late) would be the active
  // one the id is read from below.
  for (const other of b.context.pages()) if (other !== b.control) await other.close();
  const page = await b.context.newPage();
  await page.addInitScript(BLOCK_PAGE_PROBE);
  await page.bringToFront();
  const tabId = await b.control.evaluate<number | undefined>('chrome.tabs.query({ active: true, lastFocusedWindow: true }).then((t) => t[0] && t[0].id)');
  if (tabId === undefined) throw new Error('no active tab');
  return { page, tabId };
}

interface Decision {
  /** ms from chrome.tabs.update to the tab's state in storage.session. */
  stored: number;
  /** … to the badge text set. */
  badge: number;
}

/**
 * Navigates `tabId` to an allowed AI host and times the decision, from the extension page.
 * (Page code is plain JavaScript in strings: tsx would add helpers to functions passed to evaluate.)
 */
function timeDecision(b: StartupBrowser, tabId: number, url: string): Promise<Decision> {
  return b.control.evaluate<Decision>(`(async () => {
    const tabId = ${tabId}, url = ${JSON.stringify(url)}, key = ${JSON.stringify(`${TAB_STATE_KEY_PREFIX}${tabId}`)};
    const stamp = () => performance.timeOrigin + performance.now();
    const stored = new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('no decision for ' + url + ' within 15 s')), 15000);
      const listener = (changes, area) => {
        const next = changes[key] && changes[key].newValue;
        if (area !== 'session' || !next || !String(next.url).startsWith(url) || !(next.findings && next.findings.length)) return;
        const at = stamp();
        chrome.storage.onChanged.removeListener(listener);
        clearTimeout(timer);
        ok(at);
      };
      chrome.storage.onChanged.addListener(listener);
    });
    const start = stamp();
    await chrome.tabs.update(tabId, { url });
    const storedAt = await stored;
    // The badge follows the stored state (show-badge.ts); asked back to back, no timers (this
    // page is a background tab, where timers are throttled).
    let badgeAt = NaN;
    while (stamp() < storedAt + 5000) {
      if (await chrome.action.getBadgeText({ tabId })) { badgeAt = stamp(); break; }
    }
    return { stored: storedAt - start, badge: badgeAt - start };
  })()`);
}

interface BlockTiming {
  /** ms from chrome.tabs.update to the tab's URL being the block page. */
  redirected: number;
  /** … to the block page's heading rendered. */
  heading: number;
}

async function timeBlock(b: StartupBrowser, page: Page, tabId: number, url: string): Promise<BlockTiming> {
  const { start, redirectedAt } = await b.control.evaluate<{ start: number; redirectedAt: number }>(`(async () => {
    const tabId = ${tabId}, url = ${JSON.stringify(url)}, blocked = ${JSON.stringify(`${EXTENSION_ORIGIN}blocked.html`)};
    const stamp = () => performance.timeOrigin + performance.now();
    const redirected = new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error('no block page for ' + url + ' within 15 s')), 15000);
      const listener = (id, change) => {
        if (id !== tabId || !(change.url && change.url.startsWith(blocked))) return;
        const at = stamp();
        chrome.tabs.onUpdated.removeListener(listener);
        clearTimeout(timer);
        ok(at);
      };
      chrome.tabs.onUpdated.addListener(listener);
    });
    const start = stamp();
    await chrome.tabs.update(tabId, { url });
    return { start, redirectedAt: await redirected };
  })()`);
  await page.waitForURL(/blocked\.html/);
  // Asked from here: waitForFunction would eval a string, which the page's CSP refuses.
  let heading = NaN;
  for (const end = Date.now() + 15_000; Date.now() < end && Number.isNaN(heading); await sleep(20)) {
    heading = (await page.evaluate<number | null>('window.__benchHeading ?? null')) ?? NaN;
  }
  return { redirected: redirectedAt - start, heading: heading - start };
}

// ---------------------------------------------------------------------------------------------
// The popup.

interface PopupTiming {
  /** ms from the openPopup() call to the popup's first-contentful-paint. */
  fcp: number;
  /** … to its verdict rendered. */
  verdict: number;
  /** The verdict was already there when the probe attached: `verdict` is an upper bound. */
  late: boolean;
}

const VERDICT = '.verdict h1';
/**
 * In the popup: its first-contentful-paint, and the paint of its verdict. The verdict gets an
 * `elementtiming` attribute the moment it enters the DOM (a mutation observer runs before the
 * next frame), so the browser reports when it was painted on the same clock as the paint
 * entries (https://w3c.github.io/element-timing/). Gives up after 10 s and says what is shown.
 */
const POPUP_PROBE = `new Promise((ok) => {
  const origin = performance.timeOrigin;
  const r = { fcp: null, verdict: null, late: false, shown: '' };
  const done = () => { if (r.fcp !== null && r.verdict !== null) ok(r); };
  setTimeout(() => {
    r.shown = document.body ? document.body.innerText.slice(0, 120) : '(no body)';
    ok(r);
  }, 10000);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') { r.fcp = origin + e.startTime; done(); }
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.identifier === 'ajg-bench-verdict') { r.verdict = origin + (e.renderTime || e.loadTime); done(); }
  }).observe({ type: 'element', buffered: true });
  const found = () => document.querySelector(${JSON.stringify(VERDICT)});
  if (found()) { r.late = true; r.verdict = origin + performance.now(); done(); return; }
  const mo = new MutationObserver(() => {
    const el = found();
    if (!el) return;
    mo.disconnect();
    el.setAttribute('elementtiming', 'ajg-bench-verdict');
  });
  mo.observe(document, { childList: true, subtree: true });
})`;

/** Sends CDP commands to a target through a non-flattened session of `cdp`. */
async function attach(cdp: CDPSession, targetId: string) {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let nextId = 1;
  const pending = new Map<number, (m: { result?: any; error?: unknown }) => void>();
  const onMessage = (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: any; error?: unknown };
    if (m.id !== undefined) pending.get(m.id)?.(m);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  const post = (method: string, params: object, id = nextId++) =>
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const id = nextId++;
      const reply = new Promise<{ result?: any; error?: unknown }>((ok) => pending.set(id, ok));
      await post('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, id);
      // A popup that closed or crashed never answers.
      const m = await Promise.race([reply, sleep(15_000).then(() => ({ error: 'no answer within 15 s', result: undefined }))]);
      pending.delete(id);
      if (m.error || m.result?.exceptionDetails) throw new Error(`evaluate: ${JSON.stringify(m.error ?? m.result.exceptionDetails)}`);
      return m.result?.result.value as T;
    },
    /** window.close() (no reply comes from a closing window), then detach. */
    async close(): Promise<void> {
      await post('Runtime.evaluate', { expression: 'window.close()' }).catch(() => undefined);
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      for (let i = 0; i < 50; i++) {
        const { targetInfos } = await cdp.send('Target.getTargets');
        if (!targetInfos.some((t) => t.targetId === targetId)) break;
        await sleep(50);
      }
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}

async function timePopup(b: StartupBrowser, page: Page): Promise<PopupTiming> {
  const popupUrl = `${EXTENSION_ORIGIN}popup.html`;
  // The popup target may be created with an empty URL and get its own a moment later.
  const created = new Promise<string>((ok) => {
    const listener = ({ targetInfo }: { targetInfo: { type: string; url: string; targetId: string } }) => {
      if (targetInfo.type !== 'page' || !targetInfo.url.startsWith(popupUrl)) return;
      b.cdp.off('Target.targetCreated', listener);
      b.cdp.off('Target.targetInfoChanged', listener);
      ok(targetInfo.targetId);
    };
    b.cdp.on('Target.targetCreated', listener);
    b.cdp.on('Target.targetInfoChanged', listener);
  });
  // Only the page and the extension's own page open: a stray tab (the browser's first, shown
  // late in a headed window) could be the active tab of the window the popup opens in.
  for (const other of b.context.pages()) if (other !== page && other !== b.control) await other.close();
  await page.bringToFront();
  const opened = b.control.evaluate<number>('(async () => { const start = performance.timeOrigin + performance.now(); await chrome.action.openPopup(); return start; })()');
  const failed = opened.then(() => new Promise<never>(() => undefined), (error: unknown) => Promise.reject(error));
  const targetId = await Promise.race([created, failed, sleep(10_000).then(() => undefined)]);
  if (!targetId) throw new Error('the toolbar popup did not open');
  const popup = await attach(b.cdp, targetId);
  try {
    // The target may still show its initial empty document: wait for the popup's own.
    for (let i = 0; i < 200 && !(await popup.evaluate<string>('location.href')).startsWith(popupUrl); i++) await sleep(5);
    // null: not seen within 10 s (counted as missing, not as a time).
    const r = await popup.evaluate<{ fcp: number | null; verdict: number | null; late: boolean; shown: string }>(POPUP_PROBE);
    const start = await opened;
    if (r.verdict === null) console.error(`bench-startup: no verdict in the popup within 10 s; it shows: ${JSON.stringify(r.shown)} (tabs: ${b.context.pages().map((p) => p.url()).join(', ')})`);
    return { fcp: r.fcp === null ? NaN : r.fcp - start, verdict: r.verdict === null ? NaN : r.verdict - start, late: r.late };
  } finally {
    await popup.close();
  }
}

// ---------------------------------------------------------------------------------------------

interface BuildFigures {
  dist: string;
  runs: number;
  coldDecision: number[];
  coldBadge: number[];
  warmDecision: number[];
  warmBadge: number[];
  blockRedirect: number[];
  blockHeading: number[];
  heapUsed: number[];
  heapTotal: number[];
  heapAfterGc: number[];
  popupWarmFcp: number[];
  popupWarmVerdict: number[];
  popupColdFcp: number[];
  popupColdVerdict: number[];
  popupLate: number;
  /** The size of the background's database chunk and of the per-frame scripts, bytes. */
  bytes: { database: number; mainWorld: number; isolated: number };
}

function sizes(dist: string): BuildFigures['bytes'] {
  const size = (p: string) => (existsSync(join(dist, p)) ? statSync(join(dist, p)).size : NaN);
  const assets = existsSync(join(dist, 'assets')) ? readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')) : [];
  const database = Math.max(0, ...assets.map((f) => size(join('assets', f))));
  return { database, mainWorld: size('src/content/main-world.js'), isolated: size('src/content/isolated.js') };
}

async function measureBuild(label: string, dist: string, port: number, display: Display | undefined): Promise<{ figures: BuildFigures; version: string; headed: boolean }> {
  const b = await launch(dist, port, display);
  const t0 = Date.now();
  const debug = (what: string, x: unknown) => DEBUG && console.error(`${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s ${label} ${what} ${JSON.stringify(x)}`);
  try {
    const worker = await Worker.watch(b.cdp);
    await b.cdp.send('Target.setDiscoverTargets', { discover: true });
    const patch = { mode: 'block', blockedProviders: [BLOCKED_PROVIDER] };
    const reply = await b.control.evaluate(`chrome.runtime.sendMessage({ type: 'ui-to-bg/update-settings', patch: ${JSON.stringify(patch)} })`);
    if (!(reply as { ok?: boolean })?.ok) throw new Error(`blocking ${BLOCKED_PROVIDER} failed: ${JSON.stringify(reply)}`);
    const f: BuildFigures = {
      dist: relative(process.cwd(), dist), runs: RUNS,
      coldDecision: [], coldBadge: [], warmDecision: [], warmBadge: [], blockRedirect: [], blockHeading: [],
      heapUsed: [], heapTotal: [], heapAfterGc: [], popupWarmFcp: [], popupWarmVerdict: [], popupColdFcp: [], popupColdVerdict: [], popupLate: 0,
      bytes: sizes(dist),
    };
    const allowedUrl = `https://${ALLOWED_HOST}/`;
    const blockedUrl = `https://${BLOCKED_HOST}/`;
    for (let run = 0; run < RUNS; run++) {
      // Cold: the worker stopped, then an allowed AI host.
      {
        const { page, tabId } = await newTab(b);
        await worker.stop();
        const d = await timeDecision(b, tabId, allowedUrl);
        if (!page.url().startsWith(allowedUrl)) throw new Error(`tab ${tabId} is not the page measured (${page.url()})`);
        if (!worker.startedSinceStop) throw new Error('the service worker did not start for the navigation: the run did not measure a cold start');
        const heap = await worker.heap();
        debug('cold', { ...d, ...heap });
        f.coldDecision.push(d.stored);
        f.coldBadge.push(d.badge);
        f.heapUsed.push(heap.used);
        f.heapTotal.push(heap.total);
        f.heapAfterGc.push(heap.usedAfterGc);
        // The popup on that page, as a person opens it once the page is there: with the worker
        // running, and in every other run also with it stopped (it then starts to answer the
        // popup's question for the tab's state). The two take turns being first, so that
        // whatever the first opening in a round pays falls on both alike.
        await sleep(POPUP_AFTER_MS);
        const warmPopup = async () => {
          const p = await timePopup(b, page);
          debug('popup warm', p);
          f.popupWarmFcp.push(p.fcp);
          f.popupWarmVerdict.push(p.verdict);
          f.popupLate += p.late ? 1 : 0;
        };
        const coldPopup = async () => {
          await worker.stop();
          const q = await timePopup(b, page);
          debug('popup cold', q);
          f.popupColdFcp.push(q.fcp);
          f.popupColdVerdict.push(q.verdict);
          f.popupLate += q.late ? 1 : 0;
        };
        if (run % 4 === 3) {
          await coldPopup();
          await warmPopup();
        } else {
          await warmPopup();
          if (run % 2 === 1) await coldPopup();
        }
        await page.close();
      }
      // Warm: the same with the worker running.
      {
        const { page, tabId } = await newTab(b);
        if (!worker.running) await b.control.evaluate(`chrome.runtime.sendMessage({ type: 'ui-to-bg/get-settings' })`);
        const d = await timeDecision(b, tabId, allowedUrl);
        debug('warm', d);
        f.warmDecision.push(d.stored);
        f.warmBadge.push(d.badge);
        await page.close();
      }
      // Cold: the worker stopped, then a blocked host.
      {
        const { page, tabId } = await newTab(b);
        await worker.stop();
        const t = await timeBlock(b, page, tabId, blockedUrl);
        debug('block', t);
        f.blockRedirect.push(t.redirected);
        f.blockHeading.push(t.heading);
        await page.close();
      }
    }
    return { figures: f, version: b.version, headed: b.headed };
  } finally {
    await b.close();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const missing = missingPrerequisite(DIST_CHROME);
  if (missing) {
    console.error(`bench-startup: ${missing}`);
    process.exit(1);
  }
  const scaled = buildScaled(SCALE, 'chrome', (line) => console.log(line));
  const server = await startBenchServer((host, path) => (path === '/' && (host === ALLOWED_HOST || host === BLOCKED_HOST) ? { type: 'text/html; charset=utf-8', body: PAGE(host) } : undefined));
  const display = await startXvfb().catch((error: unknown) => {
    console.error(`bench-startup: no virtual display (${error instanceof Error ? error.message : String(error)}): the popup is measured in headless Chromium`);
    return undefined;
  });
  const builds: Record<string, BuildFigures> = {};
  let version = 'unknown';
  let headed = false;
  try {
    for (const [label, dist] of [['x1', DIST_CHROME], [`x${SCALE}`, scaled]] as const) {
      const r = await measureBuild(label, dist, server.port, display);
      builds[label] = r.figures;
      version = r.version;
      headed = r.headed;
    }
  } finally {
    await server.close();
    await display?.close();
  }
  report(builds, version, headed, Math.round((Date.now() - started) / 1000));
}

function report(builds: Record<string, BuildFigures>, version: string, headed: boolean, seconds: number): void {
  const labels = Object.keys(builds);
  const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '—').padStart(12);
  const mb = (x: number) => (Number.isFinite(x) ? `${(x / 1024 / 1024).toFixed(2)} MB` : '—').padStart(12);
  const kb = (x: number) => (Number.isFinite(x) ? `${(x / 1024).toFixed(1)} KB` : '—').padStart(12);
  const head = labels.map((l) => (l === 'x1' ? 'x1 (shipped)' : `${l} catalog`).padStart(14)).join('');
  const row = (name: string, cell: (f: BuildFigures) => string) => console.log(`  ${name.padEnd(64)}${labels.map((l) => cell(builds[l]!).padStart(14)).join('')}`);
  const med = (key: keyof BuildFigures, fmt: (x: number) => string) => (f: BuildFigures) => fmt(median(f[key] as number[]));
  console.log(`service worker and popup start-up, Chromium ${version}: medians of ${RUNS} runs per build`);
  console.log(`  ${''.padEnd(64)}${head}`);
  row('worker stopped → tab state stored (chatgpt.com)', med('coldDecision', ms));
  row('worker stopped → badge set', med('coldBadge', ms));
  row('worker running → tab state stored', med('warmDecision', ms));
  row('worker running → badge set', med('warmBadge', ms));
  row('worker stopped → block page (chat.deepseek.com)', med('blockRedirect', ms));
  row('worker stopped → block page heading painted', med('blockHeading', ms));
  row('worker JS heap after the first decision, used', med('heapUsed', mb));
  row('  allocated', med('heapTotal', mb));
  row('  used after a garbage collection', med('heapAfterGc', mb));
  const mode = headed ? 'headed, Xvfb' : 'headless';
  row(`popup (${mode}), worker running → first contentful paint`, med('popupWarmFcp', ms));
  row('popup, worker running → verdict painted', med('popupWarmVerdict', ms));
  const coldRuns = Math.floor(RUNS / 2);
  row(`popup, worker stopped → first contentful paint (${coldRuns} runs)`, med('popupColdFcp', ms));
  row(`popup, worker stopped → verdict painted (${coldRuns} runs)`, med('popupColdVerdict', ms));
  row('database chunk (background, popup)', (f) => kb(f.bytes.database));
  row('per-frame scripts: main-world.js', (f) => kb(f.bytes.mainWorld));
  row('per-frame scripts: isolated.js', (f) => kb(f.bytes.isolated));
  const late = labels.reduce((n, l) => n + builds[l]!.popupLate, 0);
  if (late) console.log(`  (${late} popup verdict times are upper bounds: the verdict was there before the probe attached)`);
  const round = (xs: number[]) => xs.map((x) => Math.round(x * 10) / 10);
  const json: Record<string, unknown> = {};
  for (const l of labels) {
    const f = builds[l]!;
    const series = Object.fromEntries(
      (Object.keys(f) as (keyof BuildFigures)[]).filter((k) => Array.isArray(f[k])).map((k) => [k, { median: Math.round(median(f[k] as number[]) * 10) / 10, raw: round(f[k] as number[]) }]),
    );
    json[l] = { dist: f.dist, runs: f.runs, bytes: f.bytes, popupLate: f.popupLate, ...series };
  }
  console.log(JSON.stringify({ chromium: version, popup: mode, startup: json, seconds }));
}

main().catch((error: unknown) => {
  console.error(`bench-startup: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
