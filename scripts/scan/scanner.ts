/// <reference types="chrome" />
/**
 * Scans one URL in a fresh tab of the scanner's Chromium and reads what the extension recorded:
 * waits for `load`, then until the network has been quiet for 1 s and the extension's stored tab
 * state has not changed for 500 ms, all within the time limit; then turns the stored state into a
 * report with the extension's own `tabReport`.
 */
import { errors, type Page } from 'playwright-core';
import { resolve } from 'node:path';
import { TAB_STATE_KEY_PREFIX } from '../../src/core/constants.ts';
import { type Translate, translatorFrom } from '../../src/core/i18n.ts';
import type { RiskDatabase } from '../../src/core/risk-database.ts';
import { type ReportFinding, tabReport } from '../../src/core/tab-report.ts';
import type { TabState } from '../../src/core/tab-state.ts';
import { loadLocales } from '../locales/load-locales.ts';
import type { PageLevel, ScanLang } from './args.ts';
import type { ScanBrowser } from './launch.ts';

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
}

/** No request in flight and none started for this long counts as a quiet network. */
export const NETWORK_QUIET_MS = 1_000;
/** …and the extension's stored tab state unchanged this long (polled every 100 ms, so also read after the network went quiet). */
export const STATE_STABLE_MS = 500;
const POLL_MS = 100;

const locales = loadLocales(resolve(import.meta.dirname, '../../src/locales'));

/** The scanner words what it reports in `--lang`'s language, from the extension's own messages. */
export const translatorOf = (lang: ScanLang): Translate => translatorFrom(lang === 'zh-CN' ? locales.zh_CN! : locales.en!);

export async function scanUrl(browser: ScanBrowser, db: RiskDatabase, url: string, timeoutMs: number, t: Translate = translatorOf('en')): Promise<ScanResult> {
  const deadline = Date.now() + timeoutMs;
  const remaining = () => Math.max(1, deadline - Date.now());
  const page = await browser.context.newPage();
  try {
    const tabId = await tabIdOf(browser, page);
    const network = watchNetwork(page);
    let timedOut = false;
    let error: string | undefined;
    try {
      await page.goto(url, { waitUntil: 'load', timeout: remaining() });
    } catch (e) {
      if (e instanceof errors.TimeoutError) timedOut = true;
      else error = navigationError(e);
    }
    if (!timedOut && !error) timedOut = !(await waitUntilQuiet(browser, tabId, network, deadline));
    const state = await readTabState(browser, tabId);
    const report = tabReport(db, state, t);
    const finalUrl = /^https?:/.test(page.url()) ? page.url() : null;
    return { url, finalUrl: error ? null : finalUrl, level: report.level, findings: report.findings, timedOut, ...(error ? { error } : {}) };
  } finally {
    await page.close().catch(() => undefined);
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

/** True once quiet; false when the deadline came first. */
async function waitUntilQuiet(browser: ScanBrowser, tabId: number, network: NetworkWatch, deadline: number): Promise<boolean> {
  let seen: string | undefined;
  let stableSince = 0;
  for (;;) {
    const now = Date.now();
    if (now >= deadline) return false;
    const state = JSON.stringify((await readTabState(browser, tabId)) ?? null);
    if (state !== seen) {
      seen = state;
      stableSince = Date.now();
    }
    const t = Date.now();
    if (network.inFlight() === 0 && t - network.lastActivity >= NETWORK_QUIET_MS && t - stableSince >= STATE_STABLE_MS) return true;
    await new Promise((ok) => setTimeout(ok, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))));
  }
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
