/**
 * npm run bench (last part): what fleet reporting costs (issue 18).
 *
 * 1. Bytes per event on the wire: 10,000 typical events (findings and blocks, half each) encoded
 *    in batches of 100 as OTLP/HTTP JSON and as Splunk HEC, as the extension sends them
 *    (`compression: "none"`, and gzip, the default).
 * 2. The service worker's CPU for 10,000 events queued and sent: a benchmark build (AJG_BENCH=1,
 *    src/background/reporting/reporting-bench.ts) queues them in the real IndexedDB queue and
 *    sends them through the real sender to a collector on loopback, in Debian's Chromium. CPU is
 *    the extension process's user + system time from /proc (the worker runs there; IndexedDB's own
 *    work is in the browser process and not counted), with the wall time of each step.
 *
 * Environment: BENCH_REPORT_EVENTS (10000), CHROMIUM_PATH.
 */
import { execFileSync, execSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { encodeOtlp } from '../src/core/reporting/encode-otlp.ts';
import { encodeSplunkHec } from '../src/core/reporting/encode-splunk-hec.ts';
import type { ReportEvent } from '../src/core/reporting/report-event.ts';
import { launchBench } from './bench/browsers.ts';
import { startBenchServer } from './bench/server.ts';

const N = Number(process.env.BENCH_REPORT_EVENTS ?? 10_000);
const DIST = 'dist-bench/reporting/chrome';

function sampleEvents(n: number): ReportEvent[] {
  return Array.from({ length: n }, (_, k) => ({
    id: crypto.randomUUID(),
    time: Date.UTC(2026, 11, 7) + k,
    name: k % 2 ? ('block' as const) : ('finding' as const),
    browser: 'chrome',
    extensionVersion: '0.1.0',
    site: `site${k % 50}.example.com`,
    host: 'api.deepseek.com',
    providerId: 'deepseek',
    providerName: 'DeepSeek',
    product: 'DeepSeek API',
    model: 'deepseek-chat',
    countries: ['CN'],
    level: 'high',
    kind: k % 2 ? 'xmlhttprequest' : 'request',
    ...(k % 2 ? { rule: 'org provider deepseek' } : {}),
    mode: 'block',
    count: 1,
  }));
}

function wireSizes(): Record<string, { bytesPerEvent: number; gzipBytesPerEvent: number }> {
  const events = sampleEvents(N);
  const who = { installationId: crypto.randomUUID(), identity: 'LT-4711' };
  const out: Record<string, { bytesPerEvent: number; gzipBytesPerEvent: number }> = {};
  for (const [format, encode] of [
    ['otlp', (b: ReportEvent[]) => encodeOtlp(b, who, Date.now())],
    ['splunk-hec', (b: ReportEvent[]) => encodeSplunkHec(b, who)],
  ] as const) {
    let bytes = 0;
    let gz = 0;
    for (let i = 0; i < events.length; i += 100) {
      const body = Buffer.from(encode(events.slice(i, i + 100)));
      bytes += body.length;
      gz += gzipSync(body).length;
    }
    out[format] = { bytesPerEvent: Math.round(bytes / events.length), gzipBytesPerEvent: Math.round(gz / events.length) };
  }
  return out;
}

/** user + system CPU of every Chromium process started with --extension-process, in ms. */
function extensionCpuMs(): number {
  const tick = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
  let total = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--extension-process')) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / tick;
    } catch {
      // the process ended
    }
  }
  return total;
}

async function workerCost(): Promise<Record<string, number>> {
  execFileSync('npx', ['vite', 'build', '--mode', 'chrome', '--outDir', DIST, '--logLevel', 'warn'], { env: { ...process.env, AJG_BENCH: '1' }, stdio: ['ignore', 'ignore', 'inherit'] });
  let received = 0;
  let requests = 0;
  let wireBytes = 0;
  const collector = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests++;
      const raw = Buffer.concat(chunks);
      wireBytes += raw.length;
      const body = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
      received += (body.match(/"log\.record\.uid"/g) ?? []).length;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((ok) => collector.listen(0, '127.0.0.1', ok));
  const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/logs`;
  const server = await startBenchServer(() => undefined);
  const b = await launchBench('extension', [], server.port, DIST);
  try {
    const worker = b.context.serviceWorkers()[0] ?? (await b.context.waitForEvent('serviceworker'));
    // Settle after start-up (rules, policy read), so that its work is not counted.
    await new Promise((ok) => setTimeout(ok, 3000));
    const config = { endpoint, format: 'otlp', compression: 'gzip', headers: {}, events: ['finding', 'block'], batchSize: 100, intervalSeconds: 30, heartbeatMinutes: 60 };
    const before = extensionCpuMs();
    const result = (await worker.evaluate(`globalThis.__ajgReportingBench(${JSON.stringify(config)}, ${N})`)) as { queueMs: number; sendMs: number; left: number };
    const cpu = extensionCpuMs() - before;
    if (received !== N || result.left !== 0) throw new Error(`the collector received ${received} of ${N} events (${result.left} left in the queue)`);
    return { events: N, requests, wireBytesPerEvent: Math.round(wireBytes / N), cpuMs: Math.round(cpu), cpuUsPerEvent: +((cpu * 1000) / N).toFixed(1), queueWallMs: Math.round(result.queueMs), sendWallMs: Math.round(result.sendMs) };
  } finally {
    await b.close();
    await server.close();
    collector.close();
  }
}

async function main(): Promise<void> {
  const wire = wireSizes();
  console.log(`reporting: bytes per event on the wire (${N.toLocaleString('en')} events, batches of 100, half findings, half blocks)`);
  for (const [format, s] of Object.entries(wire)) console.log(`  ${format.padEnd(12)}${String(s.bytesPerEvent).padStart(6)} B   gzip ${String(s.gzipBytesPerEvent).padStart(5)} B`);
  const worker = await workerCost();
  console.log(`reporting: service worker, ${N.toLocaleString('en')} events queued and sent (OTLP, ${worker.requests} requests to a collector on loopback)`);
  console.log(`  CPU of the extension process ${String(worker.cpuMs).padStart(7)} ms (${worker.cpuUsPerEvent} µs per event)`);
  console.log(`  on the wire (gzip, as sent): ${worker.wireBytesPerEvent} B per event`);
  console.log(`  wall: queued in ${worker.queueWallMs} ms, sent in ${worker.sendWallMs} ms`);
  console.log(JSON.stringify({ reporting: { wire, worker } }));
}

await main();
