/// <reference types="chrome" />
/**
 * Fleet reporting (docs/reporting.md) in real Chromium with a real managed-policy file: a local
 * collector receives OTLP/HTTP JSON, read with the official OpenTelemetry protobuf definitions
 * (tests/reporting/decode-otlp.ts). What a visit produces arrives with the right attributes and
 * without any of the page's secrets; a collector that is down, then up, and a worker stopped
 * while a batch is on its way lose nothing, and each event ID is received once (a batch the
 * worker never heard answered is sent again with the same IDs, which the receiver drops).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../src/core/constants.ts';
import { attributesOf, decodeOtlpLogs } from '../reporting/decode-otlp.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { type FixtureServer, startFixtureServer } from './harness/fixture-server.ts';
import { openOptions, stopServiceWorker } from './harness/extension.ts';
import { CHROMIUM_POLICY_FILE, installPolicyFile, restorePolicyFile } from './harness/policy-files.ts';
import { waitForPolicy } from './harness/settings.ts';

const COLLECTOR = 'collector.corp.example';
const MARKERS = ['BODY-MARKER-77c2', 'QUERY-MARKER-5e1b', 'PAGE-MARKER-31aa', 'TYPED-MARKER-9d04'];
const POLICY = {
  mode: 'block',
  blockedProviders: ['deepseek'],
  // A bad entry: reported to the collector as a policy problem.
  blockedCountries: ['Mars'],
  reporting: { endpoint: `https://${COLLECTOR}/v1/logs`, headers: { Authorization: 'Bearer write-only-7' }, batchSize: 4, intervalSeconds: 1, identity: 'device-42' },
};

interface Received {
  raw: string;
  uids: string[];
  records: Record<string, unknown>[];
  resource: Record<string, unknown>;
  authorization: string | undefined;
}

describe('fleet reporting (OTLP to the organization’s collector)', () => {
  let ext: ExtensionBrowser;
  let server: FixtureServer | undefined;
  const workerLog: string[] = [];
  const received: Received[] = [];
  const attempts: { status: number; time: number }[] = [];
  let answer: 'ok' | 'down' | 'hold' | 'refuse' = 'ok';
  let held: (() => void) | undefined;

  const collector = async (req: IncomingMessage, res: ServerResponse, body: string) => {
    if (answer === 'down') {
      attempts.push({ status: 503, time: Date.now() });
      res.writeHead(503, { 'retry-after': '1' });
      return void res.end('collector down');
    }
    if (answer === 'refuse') {
      attempts.push({ status: 401, time: Date.now() });
      res.writeHead(401, { 'content-type': 'text/plain' });
      return void res.end('invalid ingestion token');
    }
    const decoded = decodeOtlpLogs(body);
    const records = decoded.resourceLogs.flatMap((r) => r.scopeLogs.flatMap((s) => s.logRecords.map((l): Record<string, unknown> => ({ ...attributesOf(l.attributes), time: l.timeUnixNano }))));
    received.push({ raw: body, uids: records.map((r) => r['log.record.uid'] as string), records, resource: attributesOf(decoded.resourceLogs[0]!.resource.attributes), authorization: req.headers.authorization });
    if (answer === 'hold') await new Promise<void>((ok) => (held = ok));
    attempts.push({ status: 200, time: Date.now() });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  };

  const all = () => received.flatMap((r) => r.records);
  const uniqueIds = () => new Set(received.flatMap((r) => r.uids));
  const named = (name: string) => all().filter((r) => r['event.name'] === name);

  beforeAll(async () => {
    installPolicyFile(CHROMIUM_POLICY_FILE, { '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: POLICY } } });
    // The collector answers from the first moment: the worker sends at its start.
    server = await startFixtureServer();
    serveFakeAi(server, 'api.deepseek.com', 'api.mistral.ai');
    server.route(COLLECTOR, '/v1/logs', collector);
    ext = await launchExtension({ hosts: ['app.example.com', 'api.deepseek.com', 'api.mistral.ai', COLLECTOR], server });
    ext.context.on('console', (m) => workerLog.push(m.text()));
    await waitForPolicy(ext, (view) => view.settings.org.blockedProviders.includes('deepseek'));
  });
  afterAll(async () => {
    restorePolicyFile(CHROMIUM_POLICY_FILE);
    await ext?.close();
    await server?.close();
  });

  async function visit(): Promise<void> {
    const page = await ext.newPage();
    await page.goto('https://app.example.com/reporting.html?token=PAGE-MARKER-31aa');
    await page.locator('#question').fill('TYPED-MARKER-9d04');
    expect(await page.evaluate(() => (window as any).ask('https://api.mistral.ai/v1/chat/completions', 'mistral-small-latest'))).toBe('ok 200');
    expect(await page.evaluate(() => (window as any).ask('https://api.deepseek.com/chat/completions', 'deepseek-chat'))).toMatch(/^failed/);
    await page.close();
  }

  it('a visit reaches the collector as OTLP events with the right attributes, and none of the page’s secrets', async () => {
    await visit();
    await expect.poll(() => named('ai_guard.block').length, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => named('ai_guard.finding').some((r) => r['server.address'] === 'api.mistral.ai'), { timeout: 20_000 }).toBe(true);
    const finding = named('ai_guard.finding').find((r) => r['server.address'] === 'api.mistral.ai')!;
    expect(finding).toMatchObject({ 'gen_ai.provider.name': 'mistral', 'gen_ai.request.model': 'mistral-small-latest', 'ai_guard.page.site': 'app.example.com', 'ai_guard.countries': ['FR'], 'ai_guard.mode': 'block', 'ai_guard.browser': 'chrome' });
    const block = named('ai_guard.block').find((r) => r['server.address'] === 'api.deepseek.com')!;
    expect(block).toMatchObject({ 'gen_ai.provider.name': 'deepseek', 'ai_guard.page.site': 'app.example.com', 'ai_guard.countries': ['CN'], 'ai_guard.risk_level': 'high' });
    expect(String(block['ai_guard.rule'])).toContain('deepseek');
    await expect.poll(() => named('ai_guard.policy_problem').map((r) => r['ai_guard.policy.key']), { timeout: 20_000 }).toContain('blockedCountries[0]');
    // Who: the policy's identity and a random installation ID; the admin's token on every batch.
    expect(received[0]!.resource).toMatchObject({ 'service.name': 'ai-jurisdiction-guard', 'ai_guard.identity': 'device-42' });
    expect(String(received[0]!.resource['service.instance.id'])).toMatch(/^[0-9a-f-]{36}$/);
    expect(received.every((r) => r.authorization === 'Bearer write-only-7')).toBe(true);
    // Never the body, the API call's query, the page's query or what was typed.
    for (const r of received) for (const marker of MARKERS) expect(r.raw, marker).not.toContain(marker);
    // The extension's own requests went to the collector and nowhere else.
    const own = ext.server.requests.filter((r) => String(r.headers.origin ?? '').startsWith('chrome-extension://') || r.host === COLLECTOR);
    expect(new Set(own.map((r) => r.host))).toEqual(new Set([COLLECTOR]));
  });

  it('the collector down for a while, then up: every event arrives, each once', async () => {
    const before = uniqueIds().size;
    const failedBefore = attempts.filter((a) => a.status === 503).length;
    answer = 'down';
    await visit();
    await expect.poll(() => attempts.filter((a) => a.status === 503).length - failedBefore, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    // Retries back off: never two in the same second (Retry-After: 1).
    const failed = attempts.filter((a) => a.status === 503).slice(failedBefore);
    for (let i = 1; i < failed.length; i++) expect(failed[i]!.time - failed[i - 1]!.time).toBeGreaterThanOrEqual(900);
    answer = 'ok';
    await expect.poll(() => uniqueIds().size - before, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    const ids = received.flatMap((r) => r.uids);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('the worker stopped while a batch is on its way: the batch comes again with the same IDs, nothing is lost', async () => {
    answer = 'hold';
    const heldBefore = received.length;
    await visit();
    await expect.poll(() => received.length > heldBefore, { timeout: 30_000 }).toBe(true);
    const inFlight = received[received.length - 1]!.uids;
    await stopServiceWorker(ext);
    answer = 'ok';
    held?.();
    // Anything wakes the worker; its start sends what waits.
    const options = await openOptions(ext);
    await expect.poll(() => received.slice(heldBefore + 1).flatMap((r) => r.uids).filter((id) => inFlight.includes(id)).length, { timeout: 60_000 }).toBe(inFlight.length);
    // Each ID once after the receiver drops repeats: none lost, and only the held batch came twice.
    const counts = new Map<string, number>();
    for (const id of received.flatMap((r) => r.uids)) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1).map(([id]) => id).every((id) => inFlight.includes(id))).toBe(true);
    // The scenario happened: the held batch was received twice.
    expect(inFlight.every((id) => counts.get(id) === 2)).toBe(true);
    await options.close();
  });

  it('a collector that refuses the batch (401) is shown on the options page and asked again only after minutes, not in a storm', async () => {
    answer = 'refuse';
    const from = attempts.length;
    await visit();
    await expect.poll(() => attempts.slice(from).filter((a) => a.status === 401).length, { timeout: 30_000 }).toBe(1);
    const options = await openOptions(ext);
    const alert = options.locator('[data-reporting-error="401"]');
    await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(1);
    expect(await alert.innerText()).toMatch(/refused the last batch \(401 Unauthorized: invalid ingestion token\)/);
    // What the user reads: where events go, never the token itself.
    const panel = options.locator('[data-reporting="on"]');
    expect(await panel.innerText()).toContain(`https://${COLLECTOR}/v1/logs`);
    expect(await panel.innerText()).toContain('Authorization');
    expect(await options.locator('body').innerText()).not.toContain('write-only-7');
    await panel.scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await options.locator('#policy').screenshot({ path: `artifacts/screenshots/reporting-refused-en-${scheme}.png` });
    }
    // More events meanwhile: no new attempt within the next 5 s (the next is minutes away).
    await visit();
    await new Promise((ok) => setTimeout(ok, 5000));
    expect(attempts.slice(from).length).toBe(1);
    await options.close();
  });
});

describe('fleet reporting (Splunk HTTP Event Collector format)', () => {
  const SPLUNK = 'splunk.corp.example';
  let ext: ExtensionBrowser;
  let server: FixtureServer | undefined;
  const batches: { authorization: string | undefined; events: Record<string, any>[] }[] = [];

  beforeAll(async () => {
    const policy = { mode: 'block', blockedProviders: ['deepseek'], reporting: { endpoint: `https://${SPLUNK}/services/collector/event`, format: 'splunk-hec', headers: { Authorization: 'Splunk 0000-hec-token' }, intervalSeconds: 1, identity: 'device-9', events: ['block'] } };
    installPolicyFile(CHROMIUM_POLICY_FILE, { '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: policy } } });
    server = await startFixtureServer();
    serveFakeAi(server, 'api.deepseek.com', 'api.mistral.ai');
    server.route(SPLUNK, '/services/collector/event', (req, res, body) => {
      // HEC takes event objects one after another; each must be JSON on its own.
      batches.push({ authorization: req.headers.authorization, events: body.split('\n').map((line) => JSON.parse(line) as Record<string, any>) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"text":"Success","code":0}');
    });
    ext = await launchExtension({ hosts: ['app.example.com', 'api.deepseek.com', 'api.mistral.ai', SPLUNK], server });
    await waitForPolicy(ext, (view) => view.settings.org.blockedProviders.includes('deepseek'));
  });
  afterAll(async () => {
    restorePolicyFile(CHROMIUM_POLICY_FILE);
    await ext?.close();
    await server?.close();
  });

  it('sends each block as a HEC event: time in seconds, the identity as host, the fields as the event, the admin’s token', async () => {
    const page = await ext.newPage();
    await page.goto('https://app.example.com/reporting.html?token=PAGE-MARKER-31aa');
    await page.locator('#question').fill('TYPED-MARKER-9d04');
    expect(await page.evaluate(() => (window as any).ask('https://api.deepseek.com/chat/completions', 'deepseek-chat'))).toMatch(/^failed/);
    expect(await page.evaluate(() => (window as any).ask('https://api.mistral.ai/v1/chat/completions', 'mistral-small-latest'))).toBe('ok 200');
    await expect.poll(() => batches.flatMap((b) => b.events).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const [hec] = batches.flatMap((b) => b.events);
    expect(Object.keys(hec!).sort()).toEqual(['event', 'host', 'source', 'sourcetype', 'time']);
    expect(hec).toMatchObject({ host: 'device-9', source: 'ai-jurisdiction-guard', sourcetype: 'ai_guard:event' });
    expect(hec!.time).toBeGreaterThan(Date.now() / 1000 - 120);
    expect(hec!.time).toBeLessThanOrEqual(Date.now() / 1000);
    expect(hec!.event).toMatchObject({ name: 'block', event: 'ai_guard.block', host: 'api.deepseek.com', site: 'app.example.com', providerId: 'deepseek', countries: ['CN'], identity: 'device-9', browser: 'chrome' });
    expect(hec!.event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(batches.every((b) => b.authorization === 'Splunk 0000-hec-token')).toBe(true);
    // Only the kinds the policy asks for (blocks): the Mistral finding is not sent.
    await page.waitForTimeout(2000);
    expect(batches.flatMap((b) => b.events).every((e) => e.event.name === 'block')).toBe(true);
    for (const marker of MARKERS) expect(JSON.stringify(batches), marker).not.toContain(marker);
    await page.close();
  });
});

describe('fleet reporting across a browser restart', () => {
  let server: FixtureServer | undefined;
  let profileDir = '';
  let down = true;
  // What the collector refused while down, and what it took once up (the decoded attributes).
  const refused: Record<string, unknown>[] = [];
  const received: Record<string, unknown>[] = [];
  const HOSTS = ['app.example.com', 'api.deepseek.com', 'api.mistral.ai', COLLECTOR];

  beforeAll(async () => {
    installPolicyFile(CHROMIUM_POLICY_FILE, { '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: { ...POLICY, blockedCountries: [], reporting: { ...POLICY.reporting, events: ['block'] } } } } });
    profileDir = await mkdtemp(join(tmpdir(), 'ajg-report-profile-'));
    server = await startFixtureServer();
    serveFakeAi(server, 'api.deepseek.com', 'api.mistral.ai');
    server.route(COLLECTOR, '/v1/logs', (_req, res, body) => {
      const records = decodeOtlpLogs(body).resourceLogs.flatMap((r) => r.scopeLogs.flatMap((s) => s.logRecords.map((l) => attributesOf(l.attributes))));
      if (down) {
        refused.push(...records);
        return void res.writeHead(503).end('down');
      }
      received.push(...records);
      res.writeHead(200).end('{}');
    });
  });
  afterAll(async () => {
    restorePolicyFile(CHROMIUM_POLICY_FILE);
    await server?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  it('an event queued while the collector is down, and the browser then closed, arrives after the restart', async () => {
    let ext = await launchExtension({ hosts: HOSTS, server, profileDir });
    await waitForPolicy(ext, (view) => view.settings.org.blockedProviders.includes('deepseek'));
    const page = await ext.newPage();
    await page.goto('https://app.example.com/reporting.html');
    expect(await page.evaluate(() => (window as any).ask('https://api.deepseek.com/chat/completions', 'deepseek-chat'))).toMatch(/^failed/);
    // The block was tried and refused by the collector that is down.
    await expect.poll(() => refused.length, { timeout: 20_000 }).toBeGreaterThan(0);
    await ext.close();
    const queued = [...new Set(refused.map((r) => r['log.record.uid'] as string))];
    expect(refused[0]).toMatchObject({ 'event.name': 'ai_guard.block', 'server.address': 'api.deepseek.com', 'ai_guard.page.site': 'app.example.com' });
    down = false;
    ext = await launchExtension({ hosts: HOSTS, server, profileDir });
    try {
      // Each event refused before the restart arrives after it, once (matched by its event ID,
      // not by time: the worker records the block a moment after the page sees it fail).
      await expect.poll(() => queued.filter((id) => received.some((r) => r['log.record.uid'] === id)).length, { timeout: 30_000 }).toBe(queued.length);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      for (const id of queued) expect(received.filter((r) => r['log.record.uid'] === id), id).toHaveLength(1);
      expect(received.find((r) => r['log.record.uid'] === queued[0])).toMatchObject({ 'event.name': 'ai_guard.block', 'server.address': 'api.deepseek.com', 'ai_guard.page.site': 'app.example.com' });
    } finally {
      await ext.close();
    }
  });
});

describe('fleet reporting on the options page, in Chinese', () => {
  let ext: ExtensionBrowser;
  let server: FixtureServer | undefined;

  beforeAll(async () => {
    installPolicyFile(CHROMIUM_POLICY_FILE, { '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: { blockedProviders: ['deepseek'], reporting: { endpoint: `https://${COLLECTOR}/v1/logs`, headers: { Authorization: 'Bearer write-only-7' }, intervalSeconds: 1, identity: 'device-42' } } } } });
    server = await startFixtureServer();
    server.route(COLLECTOR, '/v1/logs', (_req, res) => void res.writeHead(403, { 'content-type': 'text/plain' }).end('token lacks write access'));
    serveFakeAi(server, 'api.deepseek.com');
    ext = await launchExtension({ hosts: [COLLECTOR, 'app.example.com', 'api.deepseek.com'], server, args: ['--lang=zh-CN'] });
    await waitForPolicy(ext, (view) => view.settings.org.blockedProviders.includes('deepseek'));
  });
  afterAll(async () => {
    restorePolicyFile(CHROMIUM_POLICY_FILE);
    await ext?.close();
    await server?.close();
  });

  it('says where events go and that the collector refused them, in Chinese, in both themes', async () => {
    // A block to report, which the collector then refuses.
    const page = await ext.newPage();
    await page.goto('https://app.example.com/reporting.html');
    expect(await page.evaluate(() => (window as any).ask('https://api.deepseek.com/chat/completions', 'deepseek-chat'))).toMatch(/^failed/);
    await page.close();
    const options = await openOptions(ext);
    const panel = options.locator('[data-reporting="on"]');
    await expect.poll(() => panel.count(), { timeout: 10_000 }).toBe(1);
    expect(await panel.innerText()).toContain(`审计事件以 OpenTelemetry (OTLP/HTTP JSON) 格式发送到 https://${COLLECTOR}/v1/logs。`);
    expect(await panel.innerText()).toContain('绝不发送');
    await expect.poll(() => options.locator('[data-reporting-error="403"]').count(), { timeout: 20_000 }).toBe(1);
    expect(await options.locator('[data-reporting-error="403"]').innerText()).toContain('收集器拒绝了最后一批（403 Forbidden: token lacks write access）');
    await panel.scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await options.locator('#policy').screenshot({ path: `artifacts/screenshots/reporting-refused-zh-${scheme}.png` });
    }
    await options.close();
  });
});
