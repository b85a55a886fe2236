/// <reference types="chrome" />
/**
 * The packaged .crx deployed the way an admin deploys it (docs/deployment.md): signed with the
 * admin's key by `npm run package`, served with its update manifest from an update server (the
 * fixture server as updates.example.com), and force-installed by policy in Chromium's machine
 * policy file, with the extension's managed configuration in the same file. Chromium starts
 * without --load-extension: the extension can only come from the policy. Both policies the doc
 * offers are tried (ExtensionInstallForcelist and ExtensionSettings), and an update is shipped.
 * Firefox ESR force-installs the unsigned .xpi from policies.json only with signature checks off.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makePackages, type PackageResult } from '../../scripts/package/make-packages.ts';
import { GECKO_ID } from '../../src/core/constants.ts';
import type { SettingsView } from '../../src/core/settings-view.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { firefoxPolicyInstall } from './harness/firefox-policy-install.ts';
import { type FixtureServer, startFixtureServer } from './harness/fixture-server.ts';
import { launchPolicyChromium, type PolicyChromium } from './harness/launch-policy-chromium.ts';
import { CHROMIUM_POLICY_FILE, firefoxPolicyFile, installPolicyFile, restorePolicyFile } from './harness/policy-files.ts';

const DIST = resolve(import.meta.dirname, '../../dist');
const UPDATE_HOST = 'updates.example.com';
/** What `npm run package --update-url` puts in the .crx's manifest, and what the doc puts in the policy. */
const UPDATE_URL = `https://${UPDATE_HOST}/ajg/updates.xml`;
const HOSTS = [UPDATE_HOST, 'app.example.com', 'api.deepseek.com', 'api.mistral.ai'];

type PolicyFor = (id: string) => Record<string, unknown>;

const POLICIES: { name: string; policyFor: PolicyFor }[] = [
  { name: 'ExtensionInstallForcelist', policyFor: (id) => ({ ExtensionInstallForcelist: [`${id};${UPDATE_URL}`] }) },
  {
    name: 'ExtensionSettings',
    policyFor: (id) => ({ ExtensionSettings: { [id]: { installation_mode: 'force_installed', update_url: UPDATE_URL } } }),
  },
];

/** The build as version `version`: a copy of dist/ with that version in both manifests. */
function distAtVersion(dir: string, version: string): string {
  for (const target of ['chrome', 'firefox']) {
    cpSync(join(DIST, target), join(dir, target), { recursive: true });
    const manifestPath = join(dir, target, 'manifest.json');
    writeFileSync(manifestPath, JSON.stringify({ ...JSON.parse(readFileSync(manifestPath, 'utf8')), version }));
  }
  return dir;
}

describe.each(POLICIES)('force-install of the packaged .crx by $name (Chromium, Linux policy file)', ({ name, policyFor }) => {
  const work = mkdtempSync(join(tmpdir(), 'ajg-packages-'));
  let key: KeyObject;
  let packaged: PackageResult;
  /** What updates.xml on the update server currently offers. */
  let offered: PackageResult;
  let id: string;
  let server: FixtureServer;
  let browser: PolicyChromium;
  /** An extension page, to call extension APIs with the extension's rights. */
  let probe: Page;

  beforeAll(async () => {
    // A throwaway key: the ID is new on every run, so nothing can come from an earlier install.
    key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    packaged = makePackages({ distDir: DIST, outDir: join(work, 'packages'), key, updateUrl: UPDATE_URL });
    offered = packaged;
    id = packaged.extensionId!;
    server = await startFixtureServer();
    const served = new Map<string, string>();
    server.route(UPDATE_HOST, '*', (req, res) => {
      const file = basename((req.url ?? '').split('?')[0]!);
      const path = file === 'updates.xml' ? offered.files.find((f) => basename(f.path) === file)?.path : served.get(file);
      if (!path) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': file.endsWith('.xml') ? 'text/xml' : 'application/x-chrome-extension' });
      res.end(readFileSync(path));
    });
    const serve = (result: PackageResult) => result.files.forEach((f) => served.set(basename(f.path), f.path));
    serve(packaged);
    // The next version, ready on the server for the update test; updates.xml names it only when that test says so.
    serve(makePackages({ distDir: distAtVersion(join(work, 'next'), '99.0.0'), outDir: join(work, 'next-packages'), key, updateUrl: UPDATE_URL }));
    serveFakeAi(server, 'api.deepseek.com', 'api.mistral.ai');
    installPolicyFile(CHROMIUM_POLICY_FILE, {
      ...policyFor(id),
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
    console.log(`${name}: force-installed ${(Date.now() - started) / 1000} s after launch`);
    probe = await browser.newPage();
    await probe.goto(`chrome-extension://${id}/options.html`);
  });
  afterAll(async () => {
    restorePolicyFile(CHROMIUM_POLICY_FILE);
    await browser?.close();
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('installs from the update server as an admin-installed extension, with the ID the key gives', async () => {
    const paths = server.requestsTo(UPDATE_HOST).map((r) => r.path.split('?')[0]);
    expect(paths).toContain('/ajg/updates.xml');
    expect(paths).toContain(`/ajg/ai-jurisdiction-guard-${packaged.version}.crx`);
    const self = await probe.evaluate(() => chrome.management.getSelf());
    // "admin": installed by policy; users cannot remove it or turn it off.
    expect(self).toMatchObject({ id, installType: 'admin', version: packaged.version, enabled: true, mayDisable: false });
  });

  it('applies the managed configuration from the same policy file: DeepSeek is blocked, Mistral is not', async () => {
    const blocked = async () =>
      ((await probe.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/get-settings' }))) as SettingsView).settings.org.blockedProviders;
    await expect.poll(blocked, { timeout: 20_000 }).toContain('deepseek');
    const app = await browser.newPage();
    await app.goto('https://app.example.com/outbound.html');
    const tryFetch = (url: string) => app.evaluate((u) => (window as any).tryFetch(u), url);
    expect(await tryFetch('https://api.mistral.ai/v1/chat/completions')).toBe('ok 200');
    expect(await tryFetch('https://api.deepseek.com/chat/completions')).toBe('failed TypeError: Failed to fetch');
    expect(server.requestsTo('api.deepseek.com')).toEqual([]);
    await app.close();
  });

  it('takes a new version from the same server when updates.xml names it', async () => {
    offered = makePackages({ distDir: join(work, 'next'), outDir: join(work, 'next-packages'), key, updateUrl: UPDATE_URL });
    expect(await probe.evaluate(() => chrome.runtime.requestUpdateCheck())).toEqual({ status: 'update_available', version: '99.0.0' });
    await expect.poll(() => server.requestsTo(UPDATE_HOST).some((r) => r.path === '/ajg/ai-jurisdiction-guard-99.0.0.crx'), { timeout: 20_000 }).toBe(true);
    // Chromium applies a downloaded update once it has unpacked it and the extension reloads (or
    // the browser restarts); the download is seen before the unpacking ends, so this reloads
    // until the new version runs.
    const version = async () => {
      const page = await browser.newPage();
      try {
        await page.goto(`chrome-extension://${id}/options.html`);
        const running = await page.evaluate(() => chrome.runtime.getManifest().version);
        if (running !== '99.0.0') await page.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
        return running;
      } catch {
        return 'not loaded';
      } finally {
        await page.close().catch(() => undefined);
      }
    };
    await expect.poll(version, { timeout: 20_000, interval: 1000 }).toBe('99.0.0');
  });
});

describe('Firefox ESR: the unsigned .xpi by ExtensionSettings install_url (policies.json)', () => {
  const work = mkdtempSync(join(tmpdir(), 'ajg-packages-'));
  let xpi: Buffer;
  let server: FixtureServer;
  let policyFile = '';
  let fetched: () => void;
  let fetchedOnce: Promise<void>;

  beforeAll(async () => {
    const result = makePackages({ distDir: DIST, outDir: work });
    xpi = readFileSync(result.files.find((f) => f.path.endsWith('.xpi'))!.path);
    server = await startFixtureServer();
    server.route('127.0.0.1', '/ajg/guard.xpi', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-xpinstall' });
      res.end(xpi);
      fetched();
    });
    // Firefox reaches the fixture server on loopback by its port; no host mapping is needed.
    const installUrl = `http://127.0.0.1:${server.httpPort}/ajg/guard.xpi`;
    policyFile = firefoxPolicyFile();
    installPolicyFile(policyFile, { policies: { ExtensionSettings: { [GECKO_ID]: { installation_mode: 'force_installed', install_url: installUrl } } } });
  });
  beforeEach(() => {
    fetchedOnce = new Promise<void>((ok) => (fetched = ok));
  });
  afterAll(async () => {
    restorePolicyFile(policyFile);
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('installs and runs it when xpinstall.signatures.required is false', async () => {
    const addon = await firefoxPolicyInstall({ id: GECKO_ID, prefs: { 'xpinstall.signatures.required': false }, fetched: fetchedOnce });
    expect(addon).toMatchObject({ id: GECKO_ID, version: JSON.parse(readFileSync(join(DIST, 'firefox/manifest.json'), 'utf8')).version, active: true, signedState: 0 });
  });

  it('refuses it while xpinstall.signatures.required is true, the default: it needs Mozilla’s signature', async () => {
    const addon = await firefoxPolicyInstall({ id: GECKO_ID, fetched: fetchedOnce });
    expect(addon?.active ?? false).toBe(false);
  });
});
