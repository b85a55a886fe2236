/**
 * Starting Debian's Chromium with the built extension (dist/chrome): headless for the scanner,
 * headed for `npm start -- --open`. The flags are those of the end-to-end harness
 * (tests/e2e/harness/browser.ts), which may import this module; scripts never import from tests/.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROME_EXTENSION_ID } from '../../src/core/constants.ts';
import { hostResolverRules, type ResolveRule } from './args.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST_CHROME = resolve(import.meta.dirname, '../../dist/chrome');
export const EXTENSION_ORIGIN = `chrome-extension://${CHROME_EXTENSION_ID}/`;

/** A failure to start, with the exit status the command should end with. */
export class LaunchError extends Error {
  constructor(message: string, readonly exitCode: 1 | 2) {
    super(message);
  }
}

/** Throws when Chromium or the Chrome build is missing, with what to do about it. */
export function assertCanLaunch(extensionDir = DIST_CHROME): void {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    const shown = relative(process.cwd(), extensionDir) || extensionDir;
    throw new LaunchError(`${shown} is missing: build the extension first with \`npm run build\``, 2);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new LaunchError(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install chromium; \`npm test\` does it for you) or set CHROMIUM_PATH`, 1);
  }
}

/** Chromium switches: the extension and nothing else, no background traffic, optional host mapping. */
/** Switches every headless run here uses (tests too): no GPU, no QUIC, no calls home. */
export const QUIET_SWITCHES = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--ignore-certificate-errors',
] as const;

export function chromiumArgs(options: { extensionDir?: string; resolve?: readonly ResolveRule[]; sandbox?: boolean } = {}): string[] {
  const dir = options.extensionDir ?? DIST_CHROME;
  const rules = hostResolverRules(options.resolve ?? []);
  return [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    ...(rules ? [`--host-resolver-rules=${rules}`] : []),
    ...(options.sandbox ? [] : ['--no-sandbox']),
    ...QUIET_SWITCHES,
  ];
}

export interface ScanBrowser {
  context: BrowserContext;
  /** An extension page (options.html), where chrome.storage and chrome.tabs can be called. */
  extensionPage: Page;
  close(): Promise<void>;
}

/** A headless Chromium in a temporary profile; close() removes the profile too. */
export interface ProfileBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with `args` in a fresh temporary profile named `<prefix>…`. */
export async function launchInProfile(prefix: string, args: string[]): Promise<ProfileBrowser> {
  const profile = await mkdtemp(join(tmpdir(), prefix));
  const removeProfile = () => rm(profile, { recursive: true, force: true, maxRetries: 3 });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 900 },
      args,
    });
  } catch (error) {
    await removeProfile();
    throw new LaunchError(`Chromium (${CHROMIUM_PATH}) failed to start: ${launchFailure(error)}`, 1);
  }
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      await removeProfile();
    },
  };
}

/** Resolves once the extension's service worker runs in `context`. */
export async function waitForExtension(context: BrowserContext): Promise<void> {
  const isOurs = (w: { url(): string }) => w.url().startsWith(EXTENSION_ORIGIN);
  if (!context.serviceWorkers().some(isOurs)) await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
}

/** Headless Chromium in a temporary profile (removed by close()), once the extension has started. */
export async function launchHeadless(options: { resolve?: readonly ResolveRule[]; extensionDir?: string } = {}): Promise<ScanBrowser> {
  assertCanLaunch(options.extensionDir);
  const { context, close } = await launchInProfile('ajg-scan-', chromiumArgs(options));
  try {
    await waitForExtension(context);
    const extensionPage = await context.newPage();
    await extensionPage.goto(`${EXTENSION_ORIGIN}options.html`);
    return { context, extensionPage, close };
  } catch (error) {
    await close();
    const dir = options.extensionDir ?? DIST_CHROME;
    throw new LaunchError(`the extension in ${dir} did not start in Chromium (rebuild with \`npm run build\`): ${firstLines(error, 3)}`, 1);
  }
}

/**
 * A normal, visible Chromium window with the extension, at `url`; resolves once the person has
 * closed it, and throws when Chromium fails (with the last lines it printed). The sandbox stays on
 * unless running as root, where Chromium refuses it.
 */
export async function launchHeaded(url: string, options: { resolve?: readonly ResolveRule[]; extensionDir?: string } = {}): Promise<void> {
  assertCanLaunch(options.extensionDir);
  const profile = await mkdtemp(join(tmpdir(), 'ajg-open-'));
  const sandbox = process.getuid?.() !== 0;
  const child: ChildProcess = spawn(CHROMIUM_PATH, [`--user-data-dir=${profile}`, '--no-default-browser-check', ...chromiumArgs({ ...options, sandbox }), url], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let said = '';
  child.stderr!.on('data', (chunk: Buffer) => (said = (said + chunk.toString()).slice(-4000)));
  const stop = () => child.kill('SIGTERM');
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const code = await new Promise<number | null>((ok, fail) => {
      child.once('error', (error) => fail(new LaunchError(`Chromium (${CHROMIUM_PATH}) failed to start: ${error.message}`, 1)));
      child.once('exit', (status) => ok(status));
    });
    if (code !== 0 && code !== null) {
      const tail = said.split('\n').filter((l) => l.trim()).slice(-5).map((l) => `  ${l}`);
      throw new LaunchError([`Chromium (${CHROMIUM_PATH}) exited with status ${code}`, ...tail].join('\n'), 1);
    }
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** Playwright's launch error without its command line and call log: the reason, and what Chromium printed. */
function launchFailure(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const reason = (lines[0] ?? '').replace(/^browserType\.launchPersistentContext:\s*/, '').trim();
  const said = lines.flatMap((l) => /^\s*- \[pid=\d+\]\[err\] (.*)$/.exec(l)?.[1]?.trim() || []).slice(-5);
  return [reason || 'no reason given', ...said.map((l) => `  ${l}`)].join('\n');
}

function firstLines(error: unknown, n: number): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').filter((l) => l.trim()).slice(0, n).join('\n');
}
