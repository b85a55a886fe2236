/// <reference types="chrome" />
/**
 * Starts Debian's Chromium (headless by default, no display needed; headed on a virtual X
 * display when asked) with the built extension loaded and real AI hostnames mapped to the local
 * fixture server. Every other hostname fails to resolve, so a test can never reach the internet.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { QUIET_SWITCHES } from '../../../scripts/scan/launch.ts';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { CHROME_EXTENSION_ID } from '../../../src/core/constants.ts';
import { FIRST_RUN_KEY, FIRST_RUN_PAGE, type FirstRunRecord } from '../../../src/core/first-run/first-run-decision.ts';
import { assertChromium, CHROMIUM_PATH } from './chromium.ts';
import { type FixtureServer, startFixtureServer } from './fixture-server.ts';
import { startXvfb, type VirtualDisplay } from './xvfb.ts';

export const DIST_CHROME = resolve(import.meta.dirname, '../../../dist/chrome');

export interface LaunchOptions {
  /** Hostnames to serve from the fixture server (http on :80 and https on :443). */
  hosts: string[];
  /** Reuse a server; by default each launch starts (and closes) its own. */
  server?: FixtureServer;
  colorScheme?: 'light' | 'dark';
  /** Extra Chromium switches. */
  args?: string[];
  /**
   * A profile (user-data-dir) to use and keep, so a later launch with the same directory is the
   * same browser restarted (IndexedDB, storage.local survive); by default a temporary profile is
   * made and deleted on close. The caller deletes a directory it passes.
   */
  profileDir?: string;
  /**
   * Leave the first-run page open (tests of that page). By default launchExtension waits until
   * the extension has decided about it and closes it, so that it takes no tab or focus from a test.
   */
  keepFirstRun?: boolean;
  /**
   * false: a headed browser, as people run it (real toolbar popup windows, real key presses).
   * It runs on `display`, or on a virtual X display (Xvfb) started for it and stopped on close.
   */
  headless?: boolean;
  /**
   * Pins the extension's toolbar button (Chrome hides it in the Extensions menu at first), so a
   * headed test can click it as a person does. Writes the profile's Preferences: a new profile only.
   */
  pinAction?: boolean;
  /** A virtual display the caller started (startXvfb) for a headed browser, and closes itself. */
  display?: VirtualDisplay;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  server: FixtureServer;
  extensionId: string;
  /** The extension's service worker as first started (Playwright's handle goes stale once it stops). */
  serviceWorker(): Promise<Worker>;
  /**
   * An extension page kept open for tests to call extension APIs (chrome.storage, chrome.action)
   * with the extension's own rights. Unlike a worker handle it stays valid when the service
   * worker is stopped and restarted.
   */
  extensionPage(): Promise<Page>;
  newPage(): Promise<Page>;
  /** The X display of a headed browser (undefined when headless). */
  display?: VirtualDisplay;
  close(): Promise<void>;
}

/** Chromium's --host-resolver-rules for `hosts`; exported for the scanner and for tests. */
export function hostResolverRules(hosts: readonly string[], httpPort: number, httpsPort: number): string {
  const rules = hosts.flatMap((h) => [`MAP ${h}:443 127.0.0.1:${httpsPort}`, `MAP ${h}:80 127.0.0.1:${httpPort}`]);
  // Anything not mapped resolves to nothing: tests never reach the internet.
  return [...rules, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
}

/** A browser started by launchChromium: its context, the fixture server, and how to close both. */
export interface FixtureChromium {
  context: BrowserContext;
  server: FixtureServer;
  display?: VirtualDisplay;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Chromium in a temporary profile with the fixture host mapping, with the built
 * extension or (for reference runs, plain-browser.ts) without: the same switches either way.
 */
export async function launchChromium(options: LaunchOptions, withExtension: boolean): Promise<FixtureChromium> {
  assertChromium();
  const server = options.server ?? (await startFixtureServer());
  const headless = options.headless ?? true;
  const ownDisplay = !headless && !options.display ? await startXvfb() : undefined;
  const display = headless ? undefined : (options.display ?? ownDisplay);
  const profile = options.profileDir ?? (await mkdtemp(join(tmpdir(), withExtension ? 'ajg-profile-' : 'ajg-plain-profile-')));
  if (options.pinAction) {
    // Read by Chrome at start (the toolbar's pinned extensions, as the Extensions menu's pin sets them).
    await mkdir(join(profile, 'Default'), { recursive: true });
    await writeFile(join(profile, 'Default', 'Preferences'), JSON.stringify({ extensions: { pinned_extensions: [CHROME_EXTENSION_ID] } }));
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless,
    ...(display ? { env: { ...process.env, DISPLAY: display.display } } : {}),
    colorScheme: options.colorScheme ?? 'light',
    ignoreHTTPSErrors: true,
    viewport: { width: 1100, height: 800 },
    // Playwright turns the back/forward cache off; users have it on, and pages restored from it
    // run no content script again, which the extension must handle.
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    // Without the two extension switches, Playwright's own --disable-extensions stays in force.
    args: [
      ...(withExtension ? [`--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`] : []),
      `--host-resolver-rules=${hostResolverRules(options.hosts, server.httpPort, server.httpsPort)}`,
      '--no-sandbox',
      ...QUIET_SWITCHES,
      ...(options.args ?? []),
    ],
  }).catch(async (error: unknown) => {
    await ownDisplay?.close();
    throw error;
  });
  return {
    context,
    server,
    ...(display ? { display } : {}),
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await ownDisplay?.close();
      if (!options.server) await server.close();
      if (!options.profileDir) await rm(profile, { recursive: true, force: true });
    },
  };
}

export async function launchExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const launchedAt = Date.now();
  const { context, server, display, newPage, close } = await launchChromium(options, true);
  const extensionOrigin = `chrome-extension://${CHROME_EXTENSION_ID}/`;
  const isOurs = (w: Worker) => w.url().startsWith(extensionOrigin);
  const serviceWorker = async () =>
    context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
  try {
    await serviceWorker();
  } catch (error) {
    await close();
    throw new Error(`the extension's service worker did not start from ${DIST_CHROME} (is it built?): ${String(error)}`);
  }
  let probe: Page | undefined;
  const extensionPage = async () => {
    if (!probe || probe.isClosed()) {
      probe = await context.newPage();
      await probe.goto(`${extensionOrigin}options.html`);
    }
    return probe;
  };
  if (!options.keepFirstRun) await closeFirstRunPage(context, extensionPage, launchedAt);
  return {
    context,
    server,
    extensionId: CHROME_EXTENSION_ID,
    serviceWorker,
    extensionPage,
    newPage,
    ...(display ? { display } : {}),
    close,
  };
}

/**
 * A fresh profile installs the extension, which opens its first-run page (src/background/first-run.ts)
 * once it has read the policy: this closes the page opened in this launch. It waits for the page,
 * and when none shows within a moment, reads the stored decision from an extension page (a policy
 * setting `mode`, or a restarted profile, opens none). Nothing is evaluated in the service worker
 * here: doing that while the extension is being installed left chrome.i18n without its messages.
 */
async function closeFirstRunPage(context: BrowserContext, extensionPage: () => Promise<Page>, launchedAt: number): Promise<void> {
  const isFirstRun = (p: Page) => p.url() === `chrome-extension://${CHROME_EXTENSION_ID}/${FIRST_RUN_PAGE}`;
  const opened = context.pages().find(isFirstRun) ?? (await context.waitForEvent('page', { predicate: isFirstRun, timeout: 2_000 }).catch(() => undefined));
  if (opened) return void (await opened.close());
  const probe = await extensionPage();
  const deadline = Date.now() + 15_000;
  let record: FirstRunRecord | undefined;
  while (!record && Date.now() < deadline) {
    record = (await probe.evaluate((key) => chrome.storage.local.get(key).then((r) => r[key]), FIRST_RUN_KEY)) as FirstRunRecord | undefined;
    if (!record) await new Promise((ok) => setTimeout(ok, 100));
  }
  if (record?.decision !== 'open' || record.at < launchedAt) return;
  await (context.pages().find(isFirstRun) ?? (await context.waitForEvent('page', { predicate: isFirstRun, timeout: 15_000 }).catch(() => undefined)))?.close();
}
