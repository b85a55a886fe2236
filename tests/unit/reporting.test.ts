import { describe, expect, it } from 'vitest';
import { REPORT_BACKOFF_MAX_MS, REPORT_BATCH_DEFAULT } from '../../src/core/constants.ts';
import { encodeOtlp } from '../../src/core/reporting/encode-otlp.ts';
import { encodeSplunkHec } from '../../src/core/reporting/encode-splunk-hec.ts';
import { type ReportEvent, reportFromAudit } from '../../src/core/reporting/report-event.ts';
import { parseReporting, type ReportingProblem, REPORT_EVENT_KINDS } from '../../src/core/reporting/reporting-config.ts';
import { outcomeOf, REPORT_REJECTED_MIN_MS, retryAfterMs, retryDelay } from '../../src/core/reporting/retry-delay.ts';
import { parsePolicy } from '../../src/core/policy-parse.ts';
import { attributesOf, decodeOtlpLogs } from '../reporting/decode-otlp.ts';

const T0 = Date.UTC(2026, 11, 7, 9, 30, 0, 123);
const origin = { browser: 'chrome', extensionVersion: '0.1.0' };
const block = reportFromAudit(
  '6f1c2f1e-0000-4000-8000-000000000001',
  origin,
  { time: T0, type: 'block', site: 'news.example.com', host: 'api.deepseek.com', providerId: 'deepseek', providerName: 'DeepSeek', product: 'DeepSeek API', kind: 'xmlhttprequest', model: 'deepseek-chat', level: 'high', country: 'CN', rule: 'org country CN', count: 3 },
  'block',
);

describe('reporting policy', () => {
  const parse = (raw: unknown) => {
    const problems: ReportingProblem[] = [];
    return { value: parseReporting(raw, problems), problems };
  };

  it('needs an https endpoint (http only on loopback); without one reporting stays off', () => {
    for (const endpoint of ['https://otel.corp.example:4318/v1/logs', 'http://127.0.0.1:4318/v1/logs', 'http://localhost:8088/services/collector/event', 'http://[::1]:4318/v1/logs']) expect(parse({ endpoint }).value?.endpoint, endpoint).toBe(endpoint);
    for (const endpoint of [undefined, 'http://otel.corp.example/v1/logs', 'ftp://x.example/', 'https://user:pw@otel.corp.example/', 'not a url', 42, 'https://otel.corp.example/#x']) {
      const { value, problems } = parse({ endpoint });
      expect(value, String(endpoint)).toBeUndefined();
      expect(problems.map((p) => p.key)).toEqual(['reporting.endpoint']);
      expect(problems[0]!.reason).toMatch(/reporting stays off/);
    }
  });

  it('fills defaults, keeps good parts and reports each bad one', () => {
    expect(parse({ endpoint: 'https://c.example/v1/logs' }).value).toEqual({ endpoint: 'https://c.example/v1/logs', format: 'otlp', compression: 'gzip', headers: {}, events: [...REPORT_EVENT_KINDS], batchSize: REPORT_BATCH_DEFAULT, intervalSeconds: 30, heartbeatMinutes: 60 });
    const { value, problems } = parse({
      endpoint: 'https://splunk.example:8088/services/collector/event',
      format: 'splunk-hec',
      compression: 'brotli',
      headers: { Authorization: 'Splunk 1234', 'X-Bad\nHeader': 'x', Cookie: 'a=b', 'X-Line': 'a\r\nInjected: yes' },
      events: ['block', 'heartbeat', 'prompt'],
      batchSize: 0,
      intervalSeconds: 5,
      identity: 'host-42@corp.example',
      extra: true,
    });
    expect(value).toEqual({ endpoint: 'https://splunk.example:8088/services/collector/event', format: 'splunk-hec', compression: 'gzip', headers: { Authorization: 'Splunk 1234' }, events: ['block', 'heartbeat'], batchSize: REPORT_BATCH_DEFAULT, intervalSeconds: 5, heartbeatMinutes: 60, identity: 'host-42@corp.example' });
    expect(problems.map((p) => p.key).sort()).toEqual(['reporting.batchSize', 'reporting.compression', 'reporting.events[2]', 'reporting.extra', 'reporting.headers.Cookie', 'reporting.headers.X-Bad\nHeader', 'reporting.headers.X-Line'].sort());
  });

  it('is a policy key like the others: a user cannot set it, and its problems are the policy’s', () => {
    const { value, problems } = parsePolicy({ reporting: { endpoint: 'http://collector.corp.example/' } }, () => true);
    expect(value.reporting).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(parsePolicy({ reporting: { endpoint: 'https://collector.corp.example/' } }, () => true).value.reporting?.endpoint).toBe('https://collector.corp.example/');
  });
});

describe('OTLP/HTTP JSON', () => {
  const events: ReportEvent[] = [
    block,
    { id: 'id-2', time: T0 + 1, name: 'heartbeat', browser: 'firefox', extensionVersion: '0.2.0', mode: 'warn', databaseVersion: '3.2026-12-01.abcd1234', policyRevision: '0a1b2c3d4e5f' },
    { id: 'id-3', time: T0 + 2, name: 'policy-problem', ...origin, policyKey: 'reporting.batchSize', reason: '0 is not a whole number from 1 to 1000' },
  ];

  it('reads back through the official protobuf definitions, with semantic-convention names', () => {
    const decoded = decodeOtlpLogs(encodeOtlp(events, { installationId: 'inst-1', identity: 'alice@corp.example' }, T0 + 5000));
    // One resource per extension version.
    expect(decoded.resourceLogs.map((r) => attributesOf(r.resource.attributes))).toEqual([
      { 'service.name': 'ai-jurisdiction-guard', 'service.version': '0.1.0', 'service.instance.id': 'inst-1', 'ai_guard.identity': 'alice@corp.example' },
      { 'service.name': 'ai-jurisdiction-guard', 'service.version': '0.2.0', 'service.instance.id': 'inst-1', 'ai_guard.identity': 'alice@corp.example' },
    ]);
    const [first] = decoded.resourceLogs[0]!.scopeLogs[0]!.logRecords;
    expect(first!.timeUnixNano).toBe(`${T0}000000`);
    expect(first!.severityText).toBe('WARN');
    expect(attributesOf(first!.attributes)).toEqual({
      'event.name': 'ai_guard.block',
      'log.record.uid': '6f1c2f1e-0000-4000-8000-000000000001',
      'server.address': 'api.deepseek.com',
      'gen_ai.provider.name': 'deepseek',
      'gen_ai.request.model': 'deepseek-chat',
      'ai_guard.page.site': 'news.example.com',
      'ai_guard.provider.display_name': 'DeepSeek',
      'ai_guard.product': 'DeepSeek API',
      'ai_guard.countries': ['CN'],
      'ai_guard.risk_level': 'high',
      'ai_guard.kind': 'xmlhttprequest',
      'ai_guard.rule': 'org country CN',
      'ai_guard.mode': 'block',
      'ai_guard.count': 3,
      'ai_guard.browser': 'chrome',
    });
    expect(first!.body.stringValue).toBe('block api.deepseek.com (DeepSeek, CN) model deepseek-chat on news.example.com');
    const problem = decoded.resourceLogs[0]!.scopeLogs[0]!.logRecords[1]!;
    expect(problem.severityNumber).toBe(17);
    expect(attributesOf(problem.attributes)['ai_guard.policy.key']).toBe('reporting.batchSize');
  });

  it('a payload the definitions do not hold is caught by the check (its control)', () => {
    const bad = JSON.parse(encodeOtlp([block], { installationId: 'i' }, T0));
    bad.resourceLogs[0].scopeLogs[0].logRecords[0].severityNumbr = 9;
    expect(() => decodeOtlpLogs(JSON.stringify(bad))).toThrow(/does not survive/);
  });
});

describe('Splunk HEC', () => {
  it('one JSON object per event, time in seconds, the host the identity, fields as the event', () => {
    const lines = encodeSplunkHec([block], { installationId: 'inst-1', identity: 'alice@corp.example' }).split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        time: T0 / 1000,
        host: 'alice@corp.example',
        source: 'ai-jurisdiction-guard',
        sourcetype: 'ai_guard:event',
        event: { ...block, event: 'ai_guard.block', installationId: 'inst-1', identity: 'alice@corp.example' },
      },
    ]);
    expect(JSON.parse(encodeSplunkHec([block], { installationId: 'inst-1' })).host).toBe('inst-1');
  });
});

describe('retries', () => {
  it('sorts answers into sent, retry and refused', () => {
    expect([200, 204, 400, 401, 403, 404, 408, 413, 429, 500, 503, undefined].map(outcomeOf)).toEqual(['sent', 'sent', 'rejected', 'rejected', 'rejected', 'rejected', 'retry', 'rejected', 'retry', 'retry', 'retry', 'retry']);
  });

  it('backs off exponentially with jitter, honours Retry-After, and never waits past the cap', () => {
    const lo = () => 0;
    const hi = () => 0.999;
    expect(retryDelay(0, 'retry', undefined, lo)).toBe(1000);
    expect(retryDelay(3, 'retry', undefined, hi)).toBeLessThanOrEqual(16_000);
    expect(retryDelay(3, 'retry', undefined, lo)).toBe(8000);
    expect(retryDelay(40, 'retry', undefined, hi)).toBeLessThanOrEqual(REPORT_BACKOFF_MAX_MS);
    expect(retryDelay(0, 'retry', 120_000, lo)).toBe(120_000);
    expect(retryDelay(0, 'rejected', undefined, lo)).toBe(REPORT_REJECTED_MIN_MS);
    expect(retryAfterMs('120', T0)).toBe(120_000);
    expect(retryAfterMs(new Date(T0 + 30_000).toUTCString(), T0)).toBe(30_000 - 123);
    expect(retryAfterMs('soon', T0)).toBeUndefined();
    expect(retryAfterMs(null, T0)).toBeUndefined();
  });
});
