/**
 * A real Firefox enterprise policy: policies.json in the browser's `distribution` folder with the
 * add-on's settings under `3rdparty.Extensions`, read at start-up. Unlike Chrome, Firefox passes
 * the values on unchecked, so the extension itself reports unknown keys and wrong types, and
 * applies the rest.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../src/core/constants.ts';
import type { SettingsView } from '../../src/core/settings-view.ts';
import { answerChat } from './harness/ai-api.ts';
import { type FirefoxExtension, launchFirefox } from './harness/firefox.ts';
import { firefoxPolicyFile, installPolicyFile, restorePolicyFile } from './harness/policy-files.ts';
import { attributesOf, decodeOtlpLogs } from '../reporting/decode-otlp.ts';

const POLICY = { blockedProviders: ['deepseek'], blockLevel: 'severe', auditRetentionDays: 'ten', blockedProvider: ['openai'] };

describe('Firefox: policies.json', () => {
  let ff: FirefoxExtension;
  let file = '';
  // The organization's collector, on loopback (plain http is accepted only there).
  let collector: Server | undefined;
  const payloads: string[] = [];
  beforeAll(async () => {
    collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        payloads.push((req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8'));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((ok) => collector!.listen(0, '127.0.0.1', ok));
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/logs`;
    file = firefoxPolicyFile();
    installPolicyFile(file, { policies: { '3rdparty': { Extensions: { [GECKO_ID]: { ...POLICY, reporting: { endpoint, intervalSeconds: 1, identity: 'ff-device-7' } } } } } });
    ff = await launchFirefox();
  }, 60_000);
  afterAll(async () => {
    if (file) restorePolicyFile(file);
    await ff?.close();
    await new Promise((ok) => collector?.close(ok));
  });

  const settings = () => ff.extensionEval<SettingsView>(`browser.runtime.sendMessage({ type: 'ui-to-bg/get-settings' })`);

  it('reports each bad key (unknown, wrong type, bad value) and applies the rest', async () => {
    await expect.poll(async () => (await settings()).settings.org.blockedProviders, { timeout: 15_000 }).toEqual(['deepseek']);
    const view = await settings();
    expect([...view.policyProblems].sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      { key: 'auditRetentionDays', reason: '"ten" is not a whole number of days from 1 to 3650' },
      { key: 'blockedProvider', reason: 'unknown key' },
      { key: 'blockLevel', reason: '"severe" is not one of off, high, medium, unknown, low' },
    ]);
    expect(view.settings.auditRetentionDays).toBe(30);
  });

  it("blocks what the policy blocks", async () => {
    ff.server.route('api.deepseek.com', '*', answerChat);
    const tab = await ff.openTab(ff.urlFor('app.example.com', '/requests.html'));
    const api = ff.urlFor('api.deepseek.com', '/chat/completions');
    const before = ff.server.requestsTo('api.deepseek.com').length;
    expect(await ff.evaluate<string>(tab, `fetch(${JSON.stringify(api)}, { method: 'POST', body: '{}' }).then((r) => 'ok ' + r.status, (e) => 'failed ' + e.name)`)).toBe('failed TypeError');
    expect(ff.server.requestsTo('api.deepseek.com').length).toBe(before);
  });

  it('sends the block, and the policy’s problems, to the collector the policy names (OTLP, read with the official definitions)', async () => {
    const records = () => payloads.flatMap((p) => decodeOtlpLogs(p).resourceLogs.flatMap((r) => r.scopeLogs.flatMap((s) => s.logRecords.map((l) => ({ ...attributesOf(r.resource.attributes), ...attributesOf(l.attributes) })))));
    await expect.poll(() => records().some((r) => r['event.name'] === 'ai_guard.block' && r['server.address'] === 'api.deepseek.com'), { timeout: 30_000 }).toBe(true);
    const block = records().find((r) => r['event.name'] === 'ai_guard.block')!;
    expect(block).toMatchObject({ 'ai_guard.browser': 'firefox', 'ai_guard.identity': 'ff-device-7', 'gen_ai.provider.name': 'deepseek', 'ai_guard.page.site': 'app.example.com' });
    await expect.poll(() => records().filter((r) => r['event.name'] === 'ai_guard.policy_problem').map((r) => r['ai_guard.policy.key']).sort(), { timeout: 30_000 }).toEqual(['auditRetentionDays', 'blockLevel', 'blockedProvider']);
  });
});
