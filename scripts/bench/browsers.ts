/**
 * Two headless Debian Chromiums for the detection benchmark, with the same switches and host
 * mapping: one plain, one with the built extension (dist/chrome). The listed hosts go to the
 * local bench server; every other hostname fails to resolve, so nothing reaches the internet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_PATH, DIST_CHROME, EXTENSION_ORIGIN, launchInProfile, QUIET_SWITCHES, waitForExtension } from '../scan/launch.ts';

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

/** `dist`: the built extension to load (the shipped dist/chrome unless a bench needs a variant). */
export async function launchBench(kind: BrowserKind, hosts: readonly string[], port: number, dist = DIST_CHROME): Promise<BenchBrowser> {
  const { context, close } = await launchInProfile(`ajg-bench-${kind}-`, [
    ...(kind === 'extension' ? [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] : []),
    `--host-resolver-rules=${hostResolverRules(hosts, port)}`,
    '--no-sandbox',
    ...QUIET_SWITCHES,
  ]);
  try {
    if (kind === 'extension') await waitForExtension(context);
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
    throw new Error(`the extension in ${dist} did not start in Chromium (rebuild with \`npm run build:chrome\`): ${first}`);
  }
}
