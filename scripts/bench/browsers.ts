/**
 * Two headless Debian Chromiums for the detection benchmark, with the same switches and host
 * mapping: one plain, one with the built extension (dist/chrome). The listed hosts go to the
 * local bench server; every other hostname fails to resolve, so nothing reaches the internet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH, DIST_CHROME, EXTENSION_ORIGIN } from '../scan/launch.ts';

export { CHROMIUM_PATH, DIST_CHROME, EXTENSION_ORIGIN };

export type BrowserKind = 'plain' | 'extension';

export interface BenchBrowser {
  kind: BrowserKind;
  context: BrowserContext;
  version: string;
  /** extension only: everything in the extension's storage.session, read from its options page. */
  storedSession(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** Why the benchmark cannot run (missing build or browser), or undefined. */
export function missingPrerequisite(dir = DIST_CHROME, chromiumPath = CHROMIUM_PATH): string | undefined {
  const shown = relative(process.cwd(), dir) || dir;
  if (!existsSync(join(dir, 'manifest.json'))) return `${shown} is missing: build the extension first with \`npm run build:chrome\``;
  let scripts: string[];
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
    scripts = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  } catch {
    scripts = [];
  }
  const absent = scripts.filter((f) => !existsSync(join(dir, f)));
  if (scripts.length === 0 || absent.length > 0) {
    return `${shown} is incomplete (${absent.length ? `${absent.join(', ')} missing` : 'no content scripts in its manifest'}): rebuild with \`npm run build:chrome\``;
  }
  if (!existsSync(chromiumPath)) {
    return `Chromium not found at ${chromiumPath}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`;
  }
  return undefined;
}

export function hostResolverRules(hosts: readonly string[], port: number): string {
  return [...hosts.map((h) => `MAP ${h}:443 127.0.0.1:${port}`), 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
}

export async function launchBench(kind: BrowserKind, hosts: readonly string[], port: number): Promise<BenchBrowser> {
  const profile = await mkdtemp(join(tmpdir(), `ajg-bench-${kind}-`));
  const removeProfile = () => rm(profile, { recursive: true, force: true, maxRetries: 3 });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 900 },
      args: [
        ...(kind === 'extension' ? [`--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`] : []),
        `--host-resolver-rules=${hostResolverRules(hosts, port)}`,
        '--ignore-certificate-errors',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await removeProfile();
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new Error(`Chromium (${CHROMIUM_PATH}) failed to start: ${first}`);
  }
  const close = async () => {
    await context.close().catch(() => undefined);
    await removeProfile();
  };
  try {
    if (kind === 'extension') {
      const isOurs = (w: { url(): string }) => w.url().startsWith(EXTENSION_ORIGIN);
      if (!context.serviceWorkers().some(isOurs)) await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 });
    }
    const storedSession = async () => {
      if (kind !== 'extension') return {};
      const page: Page = await context.newPage();
      try {
        await page.goto(`${EXTENSION_ORIGIN}options.html`);
        return await page.evaluate<Record<string, unknown>>('chrome.storage.session.get(null)');
      } finally {
        await page.close();
      }
    };
    const version = context.browser()?.version() ?? 'unknown';
    return { kind, context, version, storedSession, close };
  } catch (error) {
    await close();
    const first = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new Error(`the extension in ${DIST_CHROME} did not start in Chromium (rebuild with \`npm run build:chrome\`): ${first}`);
  }
}
