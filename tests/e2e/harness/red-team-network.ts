/**
 * The network side of the red-team suite (red-team.e2e.test.ts): what the fixture server answers
 * on the hosts a page aims at, the host mapping for the spellings the suite tries (a trailing
 * dot, unusual ports, the WebTransport port), and counters for traffic that is no HTTP request:
 * TCP connections (a preconnect opens one and sends nothing) and UDP datagrams (WebTransport
 * runs on QUIC, and no HTTP/3 server exists here: the first datagram of a QUIC handshake arriving
 * is what shows that the browser tried).
 */
import { createHash } from 'node:crypto';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AddressInfo, connect, createServer, type Server, type Socket } from 'node:net';
import type { FixtureServer } from './fixture-server.ts';

/** A 1×1 transparent PNG, so an image answer decodes. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

/** Bodies by `?as=`: each technique is answered with what it can use, so a control really loads. */
const ANSWERS: Record<string, { type: string; body: string | Buffer }> = {
  js: { type: 'text/javascript', body: '/* red team */' },
  css: { type: 'text/css', body: '.red-team {}' },
  img: { type: 'image/png', body: PNG },
  sse: { type: 'text/event-stream', body: 'data: hello\n\n' },
  html: { type: 'text/html; charset=utf-8', body: '<!doctype html><title>red team target</title><p>arrived</p>' },
  json: { type: 'application/json', body: '{"ok":true}' },
};

function answer(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS);
    return void res.end();
  }
  const as = new URL(req.url ?? '/', 'https://x').searchParams.get('as') ?? 'json';
  const { type, body } = ANSWERS[as] ?? ANSWERS.json!;
  res.writeHead(200, { ...CORS, 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** Bytes that arrived on an accepted WebSocket after its handshake (frames, not decoded). */
export interface SocketData {
  path: string;
  bytes: number;
  time: number;
}

/**
 * Answers every path of `hosts` (and their trailing-dot spellings, whose Host header keeps the
 * dot). Returns the log of what arrived on accepted WebSockets.
 */
export function serveTargets(server: FixtureServer, hosts: readonly string[]): SocketData[] {
  const socketData: SocketData[] = [];
  for (const host of hosts) for (const spelling of [host, `${host}.`]) server.route(spelling, '*', answer);
  // A WebSocket handshake to any /rt/ path of these hosts is accepted (the server has already
  // recorded the request; accepting lets a control see `open`).
  const spellings = new Set(hosts.flatMap((h) => [h, `${h}.`]));
  server.onUpgrade((req, socket) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const key = req.headers['sec-websocket-key'];
    if (!spellings.has(host) || !(req.url ?? '').startsWith('/rt/') || typeof key !== 'string') return false;
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    socket.on('data', (chunk: Buffer) => void socketData.push({ path: req.url ?? '/', bytes: chunk.length, time: Date.now() }));
    return true;
  });
  return socketData;
}

/**
 * The attacking site's helpers: a redirect (302, or 307 with `code=307`) to any URL, a page whose
 * CSP reports to any URL, and a page whose `Link` header asks the browser to preload any URL.
 */
export function serveAttacker(server: FixtureServer, host: string): void {
  server.route(host, '/rt-redirect', (req, res) => {
    const query = new URL(req.url ?? '/', 'https://x').searchParams;
    // 307 keeps the method and body: a POST arrives at the second hop as sent.
    res.writeHead(query.get('code') === '307' ? 307 : 302, { location: query.get('to') ?? '/', 'cache-control': 'no-store' });
    res.end();
  });
  server.route(host, '/red-team-csp.html', (req, res) => {
    const report = new URL(req.url ?? '/', 'https://x').searchParams.get('report') ?? '';
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // The image below violates img-src; the browser posts a report to `report-uri`.
      'content-security-policy': `img-src 'none'; report-uri ${report}`,
    });
    res.end('<!doctype html><title>csp</title><img src="/red-team-violation.png" alt="">');
  });
  server.route(host, '/red-team-link.html', (req, res) => {
    const href = new URL(req.url ?? '/', 'https://x').searchParams.get('href') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', link: `<${href}>; rel=preload; as=fetch; crossorigin` });
    res.end('<!doctype html><title>link header</title><p>preloading</p>');
  });
}

/** Counts TCP connections and passes them on to `port` (the fixture server's), untouched. */
export interface ConnectionCounter {
  port: number;
  readonly count: number;
  close(): Promise<void>;
}

export async function countConnections(toPort: number): Promise<ConnectionCounter> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    count++;
    const upstream = connect(toPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => (client.destroy(), upstream.destroy()));
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    get count() {
      return count;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** Counts UDP datagrams (QUIC's first flight) on a port of its own, and answers nothing. */
export interface DatagramCounter {
  port: number;
  readonly count: number;
  close(): Promise<void>;
}

export async function countDatagrams(): Promise<DatagramCounter> {
  let count = 0;
  const socket: UdpSocket = createSocket('udp4');
  socket.on('message', () => void count++);
  await new Promise<void>((ok) => socket.bind(0, '127.0.0.1', ok));
  return {
    port: socket.address().port,
    get count() {
      return count;
    },
    close: () => new Promise((ok) => socket.close(() => ok())),
  };
}

/** Ports a page names explicitly; the https ones go to the fixture server's https port. */
export const UNUSUAL_PORTS = { https: 8443, http: 8080 } as const;
/** WebTransport's port in the suite (QUIC, UDP). */
export const WEBTRANSPORT_PORT = 4433;

export interface HostMap {
  /** Plain mappings: each host and its trailing-dot spelling, on 443/80 and the unusual ports. */
  hosts: readonly string[];
  /** Hosts whose :443 goes to a port of the caller's (a connection counter) instead. */
  https443?: Record<string, number>;
  /** Hosts whose WebTransport port goes to a UDP port of the caller's. */
  quic?: Record<string, number>;
}

/**
 * A complete --host-resolver-rules value. Chromium keeps the last value of a repeated switch, so
 * passed in `args` it replaces the one browser.ts writes. Specific rules come first: the first
 * rule that matches a host and port wins.
 */
export function redTeamResolverRules(map: HostMap, httpPort: number, httpsPort: number): string {
  const rules: string[] = [];
  for (const [host, port] of Object.entries(map.https443 ?? {})) rules.push(`MAP ${host}:443 127.0.0.1:${port}`, `MAP ${host}.:443 127.0.0.1:${port}`);
  for (const [host, port] of Object.entries(map.quic ?? {})) rules.push(`MAP ${host}:${WEBTRANSPORT_PORT} 127.0.0.1:${port}`);
  for (const host of map.hosts) {
    for (const spelling of [host, `${host}.`]) {
      rules.push(
        `MAP ${spelling}:443 127.0.0.1:${httpsPort}`,
        `MAP ${spelling}:${UNUSUAL_PORTS.https} 127.0.0.1:${httpsPort}`,
        `MAP ${spelling}:80 127.0.0.1:${httpPort}`,
        `MAP ${spelling}:${UNUSUAL_PORTS.http} 127.0.0.1:${httpPort}`,
      );
    }
  }
  return [...rules, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
}
