/// <reference types="chrome" />
/**
 * The packaged .crx deployed the way an admin deploys it (docs/deployment.md): signed with the
 * admin's key by `npm run package`, served with its update manifest from an update server (the
 * fixture server as updates.example.com), and force-installed by ExtensionInstallForcelist in
 * Chromium's machine policy file, with the extension's managed configuration in the same file.
 * Chromium starts without --load-extension: the extension can only come from the policy.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePackages, type PackageResult } from '../../scripts/package/make-packages.ts';
import type { SettingsView } from '../../src/core/settings-view.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { type FixtureServer, startFixtureServer } from './harness/fixture-server.ts';
import { launchPolicyChromium, type PolicyChromium } from './harness/launch-policy-chromium.ts';
import { CHROMIUM_POLICY_FILE, installPolicyFile, restorePolicyFile } from './harness/policy-files.ts';

const UPDATE_HOST = 'updates.example.com';
const UPDATE_URL = `https://${UPDATE_HOST}/ajg/updates.xml`;
const HOSTS = [UPDATE_HOST, 'app.example.com', 'api.deepseek.com', 'api.mistral.ai'];

describe('force-install of the packaged .crx by policy (Chromium, Linux policy file)', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'ajg-packages-'));
  let packaged: PackageResult;
  let id: string;
  let server: FixtureServer;
  let browser: PolicyChromium;
  let installSeconds: number;
  /** An extension page, to call extension APIs with the extension's rights. */
  let probe: Page;

  beforeAll(async () => {
    // A throwaway key: the ID is new on every run, so nothing can come from an earlier install.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    packaged = makePackages({ distDir: resolve(import.meta.dirname, '../../dist'), outDir, key: privateKey, updateUrl: UPDATE_URL });
    id = packaged.extensionId!;
    server = await startFixtureServer();
    for (const file of packaged.files) {
      server.route(UPDATE_HOST, `/ajg/${basename(file.path)}`, (_req, res) => {
        const type = file.path.endsWith('.xml') ? 'text/xml' : 'application/x-chrome-extension';
        res.writeHead(200, { 'content-type': type });
        res.end(readFileSync(file.path));
      });
    }
    serveFakeAi(server, 'api.deepseek.com', 'api.mistral.ai');
    installPolicyFile(CHROMIUM_POLICY_FILE, {
      ExtensionInstallForcelist: [`${id};${UPDATE_URL}`],
      '3rdparty': { extensions: { [id]: { blockedProviders: ['deepseek'] } } },
      // By default (0) Chromium keeps DevTools, and so Playwright, away from extensions installed
      // by policy: their pages and worker are invisible to it and a tab navigated to one is lost.
      // 1 allows DevTools everywhere; it changes nothing about how the extension is installed.
      DeveloperToolsAvailability: 1,
    });
    const started = Date.now();
    browser = await launchPolicyChromium(server, HOSTS);
    const isOurs = (url: string) => url.startsWith(`chrome-extension://${id}/`);
    if (!browser.context.serviceWorkers().some((w) => isOurs(w.url()))) {
      await browser.context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: 45_000 });
    }
    installSeconds = (Date.now() - started) / 1000;
    probe = await browser.newPage();
    await probe.goto(`chrome-extension://${id}/options.html`);
  });
  afterAll(async () => {
    restorePolicyFile(CHROMIUM_POLICY_FILE);
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('installs from the update server as an admin-installed extension, with the ID the key gives', async () => {
    console.log(`force-installed in ${installSeconds.toFixed(1)} s`);
    const paths = server.requestsTo(UPDATE_HOST).map((r) => r.path.split('?')[0]);
    expect(paths).toContain('/ajg/updates.xml');
    expect(paths).toContain(`/ajg/ai-jurisdiction-guard-${packaged.version}.crx`);
    const self = await probe.evaluate(() => chrome.management.getSelf());
    // "admin": installed by policy, which chrome://extensions shows as "Installed by your administrator".
    expect(self).toMatchObject({ id, installType: 'admin', version: packaged.version, enabled: true });
  });

  it('applies the managed configuration from the same policy file: DeepSeek is blocked, Mistral is not', async () => {
    await expect
      .poll(async () => ((await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/get-settings' }))) as SettingsView).settings.org.blockedProviders, {
        timeout: 20_000,
      })
      .toContain('deepseek');
    const app = await browser.newPage();
    await app.goto('https://app.example.com/outbound.html');
    const tryFetch = (url: string) => app.evaluate((u) => (window as any).tryFetch(u), url);
    expect(await tryFetch('https://api.mistral.ai/v1/chat/completions')).toBe('ok 200');
    expect(await tryFetch('https://api.deepseek.com/chat/completions')).toBe('failed TypeError: Failed to fetch');
    expect(server.requestsTo('api.deepseek.com')).toEqual([]);
  });
});
