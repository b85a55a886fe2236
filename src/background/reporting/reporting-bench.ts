/**
 * Only in a benchmark build (AJG_BENCH=1, scripts/bench-reporting.ts): a global the benchmark
 * calls in the service worker to queue `n` events and send them all to `config`'s collector,
 * through the same queue and sender as the policy's events. Production builds leave it out
 * (`__AJG_BENCH__` is false there, and the import is dead code).
 */
import type { ReportEvent } from '../../core/reporting/report-event.ts';
import type { ReportingConfig } from '../../core/reporting/reporting-config.ts';
import { reportOrigin } from './report-origin.ts';
import { enqueueReports, queueSize } from './report-queue.ts';
import { flush } from './send-reports.ts';

export function exposeReportingBench(): void {
  (globalThis as unknown as { __ajgReportingBench: unknown }).__ajgReportingBench = async (config: ReportingConfig, n: number) => {
    const origin = reportOrigin();
    const started = performance.now();
    for (let i = 0; i < n; i += 100) {
      const events: ReportEvent[] = [];
      for (let k = i; k < Math.min(n, i + 100); k++) {
        events.push({ id: crypto.randomUUID(), time: Date.now(), name: k % 2 ? 'block' : 'finding', ...origin, site: `site${k % 50}.example.com`, host: 'api.deepseek.com', providerId: 'deepseek', providerName: 'DeepSeek', product: 'DeepSeek API', model: 'deepseek-chat', countries: ['CN'], level: 'high', kind: k % 2 ? 'xmlhttprequest' : 'request', ...(k % 2 ? { rule: 'org provider deepseek' } : {}), mode: 'block', count: 1 });
      }
      await enqueueReports(events);
    }
    const queued = performance.now();
    for (let rounds = 0; rounds < 100 && (await queueSize()) > 0; rounds++) await flush(config);
    return { queueMs: queued - started, sendMs: performance.now() - queued, left: await queueSize() };
  };
}
