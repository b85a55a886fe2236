/**
 * The detection benchmark's local https server: fixed in-memory responses keyed by host and path,
 * on one random port with a self-signed certificate made at start. Chromium reaches it for real
 * hostnames through --host-resolver-rules (browsers.ts), so the benchmark never touches the
 * internet. Every response is `no-store`, so each page load fetches everything again.
 *
 * A page hands its figures back with `GET /__report?run=<token>&data=<text>` (any host), so the
 * benchmark need not run code in the page while it loads.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface Resource {
  type: string;
  body: string;
  /** Sent with `access-control-allow-origin: *` (fetched from another origin). */
  cors?: boolean;
}

/** What a request gets: a resource, or undefined for 404. */
export type Resolver = (host: string, path: string) => Resource | undefined;

export interface BenchServer {
  port: number;
  /** The `data` of the first report for `run`, arriving within `timeoutMs`. */
  report(run: string, timeoutMs: number): Promise<string>;
  close(): Promise<void>;
}

export async function startBenchServer(resolve: Resolver): Promise<BenchServer> {
  const pems = await generate([{ name: 'commonName', value: 'ajg-bench.test' }], { keySize: 2048 });
  const arrived = new Map<string, string>();
  const waiting = new Map<string, (data: string) => void>();
  const server = createServer({ key: pems.private, cert: pems.cert }, (req: IncomingMessage, res: ServerResponse) => {
    req.resume(); // bodies are not read
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const [path = '/', query = ''] = (req.url ?? '/').split('?');
    if (path === '/__report') {
      const params = new URLSearchParams(query);
      const run = params.get('run') ?? '';
      const data = params.get('data') ?? '';
      const waiter = waiting.get(run);
      if (waiter) waiter(data);
      else arrived.set(run, data);
      res.writeHead(204, { 'cache-control': 'no-store' });
      return void res.end();
    }
    const found = req.method === 'GET' || req.method === 'HEAD' ? resolve(host, path) : undefined;
    const headers: Record<string, string> = { 'cache-control': 'no-store', 'content-type': found?.type ?? 'text/plain; charset=utf-8' };
    if (found?.cors) headers['access-control-allow-origin'] = '*';
    res.writeHead(found ? 200 : 404, headers);
    res.end(req.method === 'HEAD' ? undefined : (found?.body ?? 'not found'));
  });
  const port = await new Promise<number>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok((server.address() as AddressInfo).port));
  });
  return {
    port,
    report: (run, timeoutMs) => {
      const early = arrived.get(run);
      if (early !== undefined) {
        arrived.delete(run);
        return Promise.resolve(early);
      }
      return new Promise((ok, fail) => {
        const timer = setTimeout(() => {
          waiting.delete(run);
          fail(new Error(`no report from the page within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.set(run, (data) => {
          clearTimeout(timer);
          waiting.delete(run);
          ok(data);
        });
      });
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
}
