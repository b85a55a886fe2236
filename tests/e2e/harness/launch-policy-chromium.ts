/**
 * Chromium as a managed machine runs it: no --load-extension; extensions come only from policy
 * (ExtensionInstallForcelist in the machine policy file), fetched from an update server. Same
 * host mapping as launchChromium (browser.ts), so the "update server" is the fixture server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { QUIET_SWITCHES } from '../../../scripts/scan/launch.ts';
import { hostResolverRules } from './browser.ts';
import { assertChromium, CHROMIUM_PATH } from './chromium.ts';
import type { FixtureServer } from './fixture-server.ts';

export interface PolicyChromium {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Switches that would stop a policy install: Playwright's --disable-extensions turns extensions
 * off altogether, and --disable-background-networking (Playwright's and QUIET_SWITCHES') stops
 * the extension updater, which is what fetches a force-installed extension.
 */
const BLOCKS_POLICY_INSTALLS = ['--disable-extensions', '--disable-background-networking'];

export async function launchPolicyChromium(server: FixtureServer, hosts: string[]): Promise<PolicyChromium> {
  assertChromium();
  const profile = await mkdtemp(join(tmpdir(), 'ajg-policy-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreHTTPSErrors: true,
    ignoreDefaultArgs: [...BLOCKS_POLICY_INSTALLS, '--disable-back-forward-cache'],
    args: [
      `--host-resolver-rules=${hostResolverRules(hosts, server.httpPort, server.httpsPort)}`,
      '--no-sandbox',
      // Includes --ignore-certificate-errors, which the browser's own downloads (the update check
      // and the .crx) need to accept the fixture server's self-signed certificate; Playwright's
      // ignoreHTTPSErrors covers pages only.
      ...QUIET_SWITCHES.filter((s) => !BLOCKS_POLICY_INSTALLS.includes(s)),
    ],
  }).catch(async (error: unknown) => {
    await rm(profile, { recursive: true, force: true });
    throw error;
  });
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
