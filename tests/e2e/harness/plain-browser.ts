/**
 * The same Debian Chromium as launchExtension (browser.ts), with the same switches and host
 * mapping, but with no extension: the reference a page with the extension is compared against
 * (tests/e2e/hook-transparency.e2e.test.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QUIET_SWITCHES } from '../../../scripts/scan/launch.ts';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { hostResolverRules } from './browser.ts';
import { assertChromium, CHROMIUM_PATH } from './chromium.ts';
import { type FixtureServer, startFixtureServer } from './fixture-server.ts';

export interface PlainLaunchOptions {
  /** Hostnames to serve from the fixture server (http on :80 and https on :443). */
  hosts: string[];
  /** Reuse a server; by default each launch starts (and closes) its own. */
  server?: FixtureServer;
  colorScheme?: 'light' | 'dark';
  /** Extra Chromium switches. */
  args?: string[];
}

export interface PlainBrowser {
  context: BrowserContext;
  server: FixtureServer;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchPlainBrowser(options: PlainLaunchOptions): Promise<PlainBrowser> {
  assertChromium();
  const server = options.server ?? (await startFixtureServer());
  const profile = await mkdtemp(join(tmpdir(), 'ajg-plain-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    ignoreHTTPSErrors: true,
    viewport: { width: 1100, height: 800 },
    // As in launchExtension: the back/forward cache stays on.
    ignoreDefaultArgs: ['--disable-back-forward-cache'],
    // launchExtension's switches minus the two that load the extension (Playwright's own
    // --disable-extensions then stays in force). Keep the two lists in step.
    args: [
      `--host-resolver-rules=${hostResolverRules(options.hosts, server.httpPort, server.httpsPort)}`,
      '--no-sandbox',
      ...QUIET_SWITCHES,
      ...(options.args ?? []),
    ],
  });
  return {
    context,
    server,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      if (!options.server) await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
