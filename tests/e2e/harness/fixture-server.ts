/**
 * Local fixture server for end-to-end tests: one http and one https port (self-signed
 * certificate generated at start), files from tests/fixtures/sites/<host>/, optional per-test
 * routes, and a record of every request it received so tests can assert what data flowed.
 * Chromium reaches it for real AI hostnames through --host-resolver-rules (see browser.ts).
 */
import { gunzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { extname, join, normalize, resolve } from 'node:path';
import { generate } from 'selfsigned';

export const SITES_DIR = resolve(import.meta.dirname, '../../fixtures/sites');

/** Bodies are recorded up to this size, enough to see what a page sent. */
const MAX_RECORDED_BODY = 64 * 1024;

export interface RecordedRequest {
  scheme: 'http' | 'https';
  method: string;
  host: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  time: number;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

/**
 * Takes over an HTTP Upgrade request (a WebSocket handshake) by returning true; the socket is
 * then the handler's (see websocket-echo.ts). `head` is what the client sent after the headers.
 */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

export interface FixtureServer {
  httpPort: number;
  httpsPort: number;
  /** Every request received, oldest first. */
  readonly requests: RecordedRequest[];
  requestsTo(host: string): RecordedRequest[];
  /** Serve `path` on `host` (path `*` = any path) from a handler instead of a file. */
  route(host: string, path: string, handler: RouteHandler): void;
  /**
   * Handle Upgrade requests (http and https); handlers are asked in the order added, and one no
   * handler takes is answered 404. Upgrade requests are recorded in `requests` with no body.
   */
  onUpgrade(handler: UpgradeHandler): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export async function startFixtureServer(sitesDir = SITES_DIR): Promise<FixtureServer> {
  const requests: RecordedRequest[] = [];
  const routes = new Map<string, RouteHandler>();

  const handle = (scheme: 'http' | 'https') => async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      if (size < MAX_RECORDED_BODY) chunks.push(chunk);
      size += chunk.length;
    }
    // A gzip-encoded body (the extension's reports to a collector) is recorded decoded, as a server reads it.
    const raw = Buffer.concat(chunks);
    const body = (req.headers['content-encoding'] === 'gzip' && size <= MAX_RECORDED_BODY ? gunzipSync(raw) : raw).toString('utf8').slice(0, MAX_RECORDED_BODY);
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = req.url ?? '/';
    requests.push({ scheme, method: req.method ?? 'GET', host, path, headers: req.headers, body, time: Date.now() });
    try {
      const route = routes.get(`${host}${path.split('?')[0]}`) ?? routes.get(`${host}*`);
      if (route) await route(req, res, body);
      else await serveFile(sitesDir, host, path, res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  };

  const pems = await generate([{ name: 'commonName', value: 'ajg-fixtures.test' }], { keySize: 2048 });
  const http = createHttpServer(handle('http'));
  const https = createHttpsServer({ key: pems.private, cert: pems.cert }, handle('https'));
  const listen = (server: Server) =>
    new Promise<number>((ok) => server.listen(0, '127.0.0.1', () => ok((server.address() as AddressInfo).port)));
  const [httpPort, httpsPort] = await Promise.all([listen(http), listen(https)]);

  // Upgraded sockets leave the servers' connection tracking: closeAllConnections() misses them.
  const upgradeHandlers: UpgradeHandler[] = [];
  const upgradedSockets = new Set<Duplex>();
  const upgrade = (scheme: 'http' | 'https') => (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    requests.push({ scheme, method: req.method ?? 'GET', host, path: req.url ?? '/', headers: req.headers, body: '', time: Date.now() });
    upgradedSockets.add(socket);
    socket.on('close', () => upgradedSockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (!upgradeHandlers.some((handler) => handler(req, socket, head))) {
      socket.end('HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
    }
  };

  return {
    httpPort,
    httpsPort,
    requests,
    requestsTo: (host) => requests.filter((r) => r.host === host),
    route: (host, path, handler) => void routes.set(`${host}${path}`, handler),
    onUpgrade: (handler) => {
      // Listening only once asked keeps servers without upgrade handlers exactly as before.
      if (upgradeHandlers.length === 0) {
        http.on('upgrade', upgrade('http'));
        https.on('upgrade', upgrade('https'));
      }
      upgradeHandlers.push(handler);
    },
    close: async () => {
      for (const socket of upgradedSockets) socket.destroy();
      for (const server of [http, https]) server.closeAllConnections();
      await Promise.all([http, https].map((s) => new Promise((ok) => s.close(ok))));
    },
  };
}

async function serveFile(sitesDir: string, host: string, urlPath: string, res: ServerResponse): Promise<void> {
  const pathname = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const siteRoot = join(sitesDir, host);
  let file = normalize(join(siteRoot, pathname));
  if (!file.startsWith(siteRoot)) return notFound(res);
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) file = join(file, 'index.html');
  const content = await readFile(file).catch(() => undefined);
  if (!content) return notFound(res);
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  res.end(content);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}
