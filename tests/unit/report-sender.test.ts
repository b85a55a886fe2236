/**
 * The reporting queue and sender together, with IndexedDB from fake-indexeddb and the collector a
 * stubbed fetch: a full queue drops its oldest events and says so first, a failed send keeps
 * everything and waits (Retry-After), a refusal waits minutes, a sent batch is gone.
 */
import 'fake-indexeddb/auto';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enqueueReports, queueSize, takeBatch } from '../../src/background/reporting/report-queue.ts';
import { flush } from '../../src/background/reporting/send-reports.ts';
import type { ReportEvent } from '../../src/core/reporting/report-event.ts';
import type { ReportingConfig } from '../../src/core/reporting/reporting-config.ts';
import { REPORT_REJECTED_MIN_MS } from '../../src/core/reporting/retry-delay.ts';
import { readReportingStatus, REPORT_STATUS_KEY } from '../../src/shared/reporting-status.ts';
import browser from 'webextension-polyfill';
import { attributesOf, decodeOtlpLogs } from '../reporting/decode-otlp.ts';
import { expectConsole } from './quiet-console.ts';

const CONFIG: ReportingConfig = { endpoint: 'https://collector.corp.example/v1/logs', format: 'otlp', compression: 'gzip', headers: { Authorization: 'Bearer t' }, events: ['finding', 'block'], batchSize: 100, intervalSeconds: 30, heartbeatMinutes: 60 };
const event = (i: number): ReportEvent => ({ id: `id-${i}`, time: 1_800_000_000_000 + i, name: 'block', browser: 'chrome', extensionVersion: '0.0.0-test', host: 'api.deepseek.com', providerId: 'deepseek', count: 1 });

interface Sent {
  url: string;
  headers: Record<string, string>;
  records: Record<string, unknown>[];
}

function collector(answers: Array<{ status: number; headers?: Record<string, string>; body?: string }>): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const raw = Buffer.from(init.body as ArrayBuffer);
    const headers = init.headers as Record<string, string>;
    const text = headers['Content-Encoding'] === 'gzip' ? gunzipSync(raw).toString('utf8') : String(init.body);
    sent.push({ url, headers, records: decodeOtlpLogs(text).resourceLogs.flatMap((r) => r.scopeLogs.flatMap((s) => s.logRecords.map((l) => attributesOf(l.attributes)))) });
    const answer = answers.shift() ?? { status: 200 };
    return new Response(answer.body ?? '', { status: answer.status, headers: answer.headers ?? {} });
  });
  return sent;
}

const ready = () => browser.storage.local.remove(REPORT_STATUS_KEY);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('reporting queue and sender', () => {
  it('a full queue drops the oldest; the count goes first once the collector answers, then the rest, once', async () => {
    await enqueueReports(Array.from({ length: 8 }, (_, i) => event(i)), 5);
    expect(await queueSize()).toBe(5);
    expect((await takeBatch(10)).events.map((e) => e.id)).toEqual(['id-3', 'id-4', 'id-5', 'id-6', 'id-7']);

    // Down: nothing is lost, and the next try waits at least what Retry-After asks.
    let sent = collector([{ status: 503, headers: { 'Retry-After': '120' } }]);
    const before = Date.now();
    const warned = expectConsole('warn');
    await flush(CONFIG);
    expect(warned).toHaveBeenCalledWith(expect.stringMatching(/could not be reached \(503/));
    expect(sent).toHaveLength(1);
    expect(await queueSize()).toBe(5);
    const status = (await readReportingStatus())!;
    expect(status.failures).toBe(1);
    expect(status.nextAttemptAt).toBeGreaterThanOrEqual(before + 120_000);
    // Before then, a flush sends nothing.
    await flush(CONFIG);
    expect(sent).toHaveLength(1);

    // Up (the wait over): the dropped count first, then every event, gzip, with the policy's header.
    await ready();
    sent = collector([]);
    await flush(CONFIG);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers).toMatchObject({ Authorization: 'Bearer t', 'Content-Encoding': 'gzip', 'Content-Type': 'application/json' });
    expect(sent[0]!.records.map((r) => r['event.name'])).toEqual(['ai_guard.dropped', ...Array(5).fill('ai_guard.block')]);
    expect(sent[0]!.records[0]!['ai_guard.count']).toBe(3);
    expect(sent[0]!.records.slice(1).map((r) => r['log.record.uid'])).toEqual(['id-3', 'id-4', 'id-5', 'id-6', 'id-7']);
    expect(await queueSize()).toBe(0);
    expect((await takeBatch(1)).dropped).toBeUndefined();
    expect((await readReportingStatus())!).toMatchObject({ failures: 0, sent: 6 });
    // Nothing left: nothing sent.
    await flush(CONFIG);
    expect(sent).toHaveLength(1);
  });

  it('a refusal (401) keeps the events, is recorded in the collector’s words, and is asked again only minutes later', async () => {
    await ready();
    await enqueueReports([event(100)]);
    const sent = collector([{ status: 401, body: 'invalid token' }]);
    const before = Date.now();
    const logged = expectConsole('error');
    await flush(CONFIG);
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/refused the batch \(401/));
    expect(sent).toHaveLength(1);
    expect(await queueSize()).toBe(1);
    const status = (await readReportingStatus())!;
    expect(status.lastError).toMatchObject({ status: 401, rejected: true, message: expect.stringContaining('invalid token') });
    expect(status.nextAttemptAt).toBeGreaterThanOrEqual(before + REPORT_REJECTED_MIN_MS);
  });

  it('batches of batchSize, oldest first, until the queue is empty', async () => {
    await ready();
    await enqueueReports(Array.from({ length: 9 }, (_, i) => event(200 + i)));
    const sent = collector([]);
    await flush({ ...CONFIG, batchSize: 4, compression: 'none' });
    expect(sent.map((s) => s.records.map((r) => r['log.record.uid']))).toEqual([
      ['id-100', 'id-200', 'id-201', 'id-202'],
      ['id-203', 'id-204', 'id-205', 'id-206'],
      ['id-207', 'id-208'],
    ]);
    expect(sent[0]!.headers['Content-Encoding']).toBeUndefined();
  });
});

describe('reporting events from the worker', () => {
  it('a heartbeat names the database and the policy revision; policy problems go once per revision; nothing without a policy', async () => {
    const { POLICY_CACHE_KEY } = await import('../../src/core/constants.ts');
    const { invalidateState } = await import('../../src/background/settings-store.ts');
    const { reportHeartbeat, syncReporting } = await import('../../src/background/reporting/report-sink.ts');
    const { flushReports } = await import('../../src/background/reporting/send-reports.ts');
    // The collector is down throughout: what syncReporting sends stays queued, for the test to read.
    collector(Array.from({ length: 20 }, () => ({ status: 503 })));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const sync = async () => {
      await syncReporting();
      await flushReports();
    };
    const drain = async () => {
      const batch = await takeBatch(1000);
      const { removeSent } = await import('../../src/background/reporting/report-queue.ts');
      await removeSent(batch);
      return batch.events;
    };
    await drain();
    // No reporting policy: nothing is queued.
    await browser.storage.local.set({ [POLICY_CACHE_KEY]: { raw: {}, readAt: 1 } });
    invalidateState();
    await reportHeartbeat();
    expect(await queueSize()).toBe(0);

    const raw = { blockedCountries: ['Mars'], reporting: { endpoint: 'https://collector.corp.example/v1/logs', intervalSeconds: 3600, batchSize: 1000 } };
    await browser.storage.local.set({ [POLICY_CACHE_KEY]: { raw, readAt: 2 } });
    invalidateState();
    await reportHeartbeat();
    const [heartbeat] = await drain();
    expect(heartbeat).toMatchObject({ name: 'heartbeat', mode: 'block', browser: 'chrome', extensionVersion: '0.0.0-test' });
    expect(heartbeat!.databaseVersion).toMatch(/^\d+\.\d{4}-\d{2}-\d{2}\.[0-9a-f]{8}$/);
    expect(heartbeat!.policyRevision).toMatch(/^[0-9a-f]{12}$/);

    await sync();
    await sync();
    const problems = (await drain()).filter((e) => e.name === 'policy-problem');
    expect(problems.map((p) => [p.policyKey, p.policyRevision])).toEqual([['blockedCountries[0]', heartbeat!.policyRevision]]);
    // A changed policy is a new revision: its problems are reported again.
    await browser.storage.local.set({ [POLICY_CACHE_KEY]: { raw: { ...raw, blockedCountries: ['Mars', 'Venus'] }, readAt: 3 } });
    invalidateState();
    await sync();
    expect((await drain()).filter((e) => e.name === 'policy-problem').map((p) => p.policyKey)).toEqual(['blockedCountries[0]', 'blockedCountries[1]']);
    await browser.storage.local.remove(POLICY_CACHE_KEY);
    invalidateState();
  });
});
