/// <reference types="chrome" />
/**
 * Scans one URL in a fresh tab of the scanner's Chromium and reads what the extension recorded:
 * waits for `load`, then acts as a visitor for a while (scrolls, moves the pointer, focuses a text
 * field: visitor.ts), because many pages add their chat widget or start their AI calls seconds
 * after load or only then. It keeps watching for at least `settleMs` after load, and then until
 * the network has been quiet for 1 s and the extension's stored tab state has not changed for
 * 500 ms, all within the time limit; then turns the stored state into a report with the
 * extension's own `tabReport`.
 */
import { errors, type Page } from 'playwright-core';
import { resolve } from 'node:path';
import { TAB_STATE_KEY_PREFIX } from '../../src/core/constants.ts';
import { detectionMarkersOf } from '../../src/core/detection/detection-hints.ts';
import { type Translate, translatorFrom } from '../../src/core/i18n.ts';
import type { RiskDatabase } from '../../src/core/risk-database.ts';
import { type ReportFinding, tabReport } from '../../src/core/tab-report.ts';
import type { TabState } from '../../src/core/tab-state.ts';
import { loadLocales } from '../locales/load-locales.ts';
import { DEFAULT_SETTLE_MS, type PageLevel, type ScanLang } from './args.ts';
import type { ScanBrowser } from './launch.ts';
import { actAsVisitor } from './visitor.ts';

/** What `--json` prints for one URL (one line each). */
export interface ScanResult {
  /** The URL as requested (normalised). */
  url: string;
  /** Where the tab ended up after redirects; null when the page could not be loaded. */
  finalUrl: string | null;
  level: PageLevel;
  findings: ReportFinding[];
  /** The time limit ran out before the page was quiet; the report holds what was seen until then. */
  timedOut: boolean;
  /** Only when the page could not be loaded at all (net::ERR_NAME_NOT_RESOLVED, …). */
  error?: string;
  /** Only with `collectLinks`: the absolute hrefs of the page's links (`a`, `area`), in page order, as the page had them at the end. */
  links?: string[];
}

/** How one URL is scanned. */
export interface ScanUrlOptions {
  /** Time limit for the URL, loading included. */
  timeoutMs: number;
  /** Keep watching (and acting as a visitor) at least this long after load; default DEFAULT_SETTLE_MS. */
  settleMs?: number;
  /** Also click chat launchers named by the database's widget markers (a click can have effects: off by default). */
  interact?: boolean;
  /** Return the page's links in `links` (for the crawler). */
  collectLinks?: boolean;
}

// The visitor time (DEFAULT_SETTLE_MS) is the command line's default, in args.ts, with why it is 6.5 s.
export { DEFAULT_SETTLE_MS };
/** Links kept per page at most. */
export const MAX_LINKS = 5_000;

/** No request in flight and none started for this long counts as a quiet network. */
export const NETWORK_QUIET_MS = 1_000;
/** …and the extension's stored tab state unchanged this long (polled every 100 ms, so also read after the network went quiet). */
export const STATE_STABLE_MS = 500;
const POLL_MS = 100;

const locales = loadLocales(resolve(import.meta.dirname, '../../src/locales'));

/** The scanner words what it reports in `--lang`'s language, from the extension's own messages. */
export const translatorOf = (lang: ScanLang): Translate => translatorFrom(lang === 'zh-CN' ? locales.zh_CN! : locales.en!);

/**
 * `limits` is the time limit in ms (the settle phase at its default, no clicks, no links) or the
 * options. Safe to run several at once on one browser: tabs are identified one at a time.
 */
export async function scanUrl(browser: ScanBrowser, db: RiskDatabase, url: string, limits: number | ScanUrlOptions, t: Translate = translatorOf('en')): Promise<ScanResult> {
  const options: ScanUrlOptions = typeof limits === 'number' ? { timeoutMs: limits } : limits;
  const deadline = Date.now() + options.timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  const { page, tabId } = await openTab(browser);
  try {
    const network = watchNetwork(page);
    let timedOut = false;
    let error: string | undefined;
    try {
      await page.goto(url, { waitUntil: 'load', timeout: remaining() });
    } catch (e) {
      if (e instanceof errors.TimeoutError) timedOut = true;
      else error = navigationError(e);
    }
    let links: string[] | undefined;
    if (!timedOut && !error) {
      const settleUntil = Math.min(deadline, Date.now() + (options.settleMs ?? DEFAULT_SETTLE_MS));
      // The visitor acts while the network watch keeps counting; the quiet wait starts after it.
      await actAsVisitor(page, { deadline, interact: options.interact, launchers: options.interact ? launchersOf(db) : [] });
      timedOut = !(await waitUntilQuiet(browser, tabId, network, deadline, settleUntil));
      if (options.collectLinks) links = await linksOf(page, deadline);
    }
    const state = await readTabState(browser, tabId);
    const report = tabReport(db, state, t);
    const finalUrl = /^https?:/.test(page.url()) ? page.url() : null;
    return {
      url,
      finalUrl: error ? null : finalUrl,
      level: report.level,
      findings: report.findings,
      timedOut,
      ...(error ? { error } : {}),
      ...(options.collectLinks ? { links: links ?? [] } : {}),
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

const launchers = new WeakMap<RiskDatabase, string[]>();
/** The CSS selectors of the database's widget markers (visitor.ts keeps those that can be clicked). */
function launchersOf(db: RiskDatabase): string[] {
  let list = launchers.get(db);
  if (!list) launchers.set(db, (list = detectionMarkersOf(db.providers).selectors.map(([selector]) => selector)));
  return list;
}

/** The page's link targets, resolved by the browser; [] when the page does not answer before the deadline. */
async function linksOf(page: Page, deadline: number): Promise<string[]> {
  const read = page
    .evaluate((max) => Array.from(document.querySelectorAll('a[href], area[href]'), (a) => (a as HTMLAnchorElement).href).slice(0, max), MAX_LINKS)
    .catch(() => [] as string[]);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string[]>((ok) => (timer = setTimeout(() => ok([]), Math.max(1_000, deadline - Date.now()))));
  try {
    return await Promise.race([read, late]);
  } finally {
    clearTimeout(timer);
  }
}

interface NetworkWatch {
  inFlight(): number;
  /** Epoch ms of the last request or WebSocket event. */
  lastActivity: number;
}

/**
 * Requests in flight (every frame of the page, workers included) and the time of the last network
 * event. A WebSocket counts as activity when it opens, sends, receives or closes, but an open socket
 * alone does not keep the page busy: chat pages hold one for as long as they are open.
 */
function watchNetwork(page: Page): NetworkWatch {
  const pending = new Set<unknown>();
  const watch: NetworkWatch = { inFlight: () => pending.size, lastActivity: Date.now() };
  const touch = () => void (watch.lastActivity = Date.now());
  page.on('request', (r) => (pending.add(r), touch()));
  page.on('requestfinished', (r) => (pending.delete(r), touch()));
  page.on('requestfailed', (r) => (pending.delete(r), touch()));
  page.on('websocket', (ws) => {
    touch();
    ws.on('framesent', touch);
    ws.on('framereceived', touch);
    ws.on('socketerror', touch);
    ws.on('close', touch);
  });
  return watch;
}

/**
 * True once quiet and not before `notBefore` (the end of the settle phase); at the deadline, whether
 * it was quiet then: a quiet page whose settle phase the time limit cut short has not timed out.
 */
async function waitUntilQuiet(browser: ScanBrowser, tabId: number, network: NetworkWatch, deadline: number, notBefore: number): Promise<boolean> {
  let seen: string | undefined;
  let stableSince = 0;
  let quiet = false;
  for (;;) {
    if (Date.now() >= deadline) return quiet;
    const state = JSON.stringify((await readTabState(browser, tabId)) ?? null);
    if (state !== seen) {
      seen = state;
      stableSince = Date.now();
    }
    const t = Date.now();
    quiet = network.inFlight() === 0 && t - network.lastActivity >= NETWORK_QUIET_MS && t - stableSince >= STATE_STABLE_MS;
    if (quiet && t >= notBefore) return true;
    await new Promise((ok) => setTimeout(ok, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))));
  }
}

/** The tail of each browser's queue of tab openings. */
const opening = new WeakMap<ScanBrowser, Promise<unknown>>();

/**
 * A new tab and its browser tab ID. The ID is found by bringing the tab to the front and asking the
 * extension for the active tab (it has no `tabs` permission, so it cannot match tabs by URL); with
 * several scans at once, two tabs could be brought to the front between a bringToFront and its
 * query, so openings take turns, per browser.
 */
async function openTab(browser: ScanBrowser): Promise<{ page: Page; tabId: number }> {
  const turn = (opening.get(browser) ?? Promise.resolve()).then(async () => {
    const page = await browser.context.newPage();
    try {
      return { page, tabId: await tabIdOf(browser, page) };
    } catch (error) {
      await page.close().catch(() => undefined);
      throw error;
    }
  });
  opening.set(browser, turn.catch(() => undefined));
  return turn;
}

/** The browser's tab ID of a new page: bring it to the front and ask the extension for the active tab. */
async function tabIdOf(browser: ScanBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await browser.extensionPage.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (id === undefined) throw new Error('the extension found no active tab for the new page');
  return id;
}

/** `storage.session["tab:<id>"]`, where the background keeps what it knows about the tab. */
async function readTabState(browser: ScanBrowser, tabId: number): Promise<TabState | undefined> {
  const key = `${TAB_STATE_KEY_PREFIX}${tabId}`;
  return browser.extensionPage.evaluate(async (k) => (await chrome.storage.session.get(k))[k] as TabState | undefined, key);
}

/** Playwright's "page.goto: net::ERR_NAME_NOT_RESOLVED at https://…\nCall log: …" → "net::ERR_NAME_NOT_RESOLVED". */
function navigationError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const first = text.split('\n')[0]!.replace(/^page\.goto:\s*/, '');
  return first.replace(/ at \S+$/, '').trim() || 'the page could not be loaded';
}
