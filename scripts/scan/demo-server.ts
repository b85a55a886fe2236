/**
 * The demo site: static pages from demo/sites/<hostname>/ for real hostnames (chat.deepseek.com,
 * shop.example.com, …), served over https with a self-signed certificate generated at start, on
 * one random local port. Chromium reaches it through `--resolve host=127.0.0.1:<port>`
 * (host-resolver rules), so the demo never touches the internet. The AI APIs the pages call get a
 * small canned JSON completion. Nothing is logged or written anywhere.
 */
import { readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { generate } from 'selfsigned';
import type { ResolveRule } from './args.ts';

export const DEMO_SITES_DIR = resolve(import.meta.dirname, '../../demo/sites');
/** The page that links all the others (what `npm start -- --open` shows). */
export const DEMO_INDEX = 'https://demo.example.com/';
/** The pages `npm start` scans: an AI chat, a shop with a chat widget, an app calling an aggregator, a page without AI. */
export const DEMO_PAGES = ['https://chat.deepseek.com/', 'https://shop.example.com/', 'https://notes.example.com/', 'https://news.example.com/'] as const;

/** Answered with a canned completion instead of a file (method POST; OPTIONS is the CORS preflight). */
const API_ROUTES: Record<string, (body: unknown) => unknown> = {
  'chat.deepseek.com/api/v0/chat/completion': () => ({
    code: 0,
    msg: '',
    data: { biz_code: 0, biz_data: { role: 'ASSISTANT', content: CANNED_REPLY } },
  }),
  'openrouter.ai/api/v1/chat/completions': (body) => ({
    id: 'gen-demo-0001',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: (body as { model?: unknown } | null)?.model ?? 'unknown',
    choices: [{ index: 0, message: { role: 'assistant', content: CANNED_REPLY }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 12, completion_tokens: 24, total_tokens: 36 },
  }),
};

const CANNED_REPLY = 'This is a canned answer from the local demo server of AI Jurisdiction Guard. Nothing you type here leaves this computer.';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization, x-title, http-referer',
  'access-control-max-age': '600',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Largest request body read (the pages send a few hundred bytes). */
const MAX_BODY = 64 * 1024;

export interface DemoServer {
  port: number;
  /** Every hostname the demo serves (the folders of demo/sites). */
  hosts: string[];
  /** Every demo host mapped to this server. */
  resolveRules: ResolveRule[];
  /** The same as scanner arguments: `--resolve host=127.0.0.1:<port>` for every demo host. */
  resolveArgs(): string[];
  close(): Promise<void>;
}

export function demoHosts(sitesDir = DEMO_SITES_DIR): string[] {
  return readdirSync(sitesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export async function startDemoServer(options: { port?: number; sitesDir?: string } = {}): Promise<DemoServer> {
  const sitesDir = options.sitesDir ?? DEMO_SITES_DIR;
  const hosts = demoHosts(sitesDir);
  const pems = await generate([{ name: 'commonName', value: 'ajg-demo.test' }], { keySize: 2048 });
  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    handle(sitesDir, hosts, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  });
  const port = await new Promise<number>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => ok((server.address() as AddressInfo).port));
  });
  const resolveRules = hosts.map((host) => ({ host, address: '127.0.0.1', port }));
  return {
    port,
    hosts,
    resolveRules,
    resolveArgs: () => resolveRules.flatMap((r) => ['--resolve', `${r.host}=${r.address}:${r.port}`]),
    close: async () => {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
}

async function handle(sitesDir: string, hosts: string[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  const path = (req.url ?? '/').split('?')[0]!;
  const api = API_ROUTES[`${host}${path}`];
  if (req.method === 'OPTIONS') {
    res.writeHead(api ? 204 : 404, CORS);
    return void res.end();
  }
  if (api) {
    if (req.method !== 'POST') return send(res, 405, { ...CORS, allow: 'POST, OPTIONS' }, 'use POST');
    const body = await readBody(req);
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(res, 400, CORS, JSON.stringify({ error: { message: 'the body is not JSON' } }), 'application/json');
    }
    return send(res, 200, CORS, JSON.stringify(api(parsed)), 'application/json');
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { allow: 'GET, HEAD' }, 'method not allowed');
  if (!hosts.includes(host)) {
    return send(res, 404, {}, `AI Jurisdiction Guard demo server. It serves ${hosts.join(', ')}: map them here with --resolve <host>=127.0.0.1:<port>.\n`);
  }
  const siteRoot = join(sitesDir, host);
  let file = normalize(join(siteRoot, decodeURIComponent(path)));
  if (file !== siteRoot && !file.startsWith(siteRoot + sep)) return send(res, 404, {}, 'not found');
  if ((await stat(file).catch(() => undefined))?.isDirectory()) file = join(file, 'index.html');
  const content = await readFile(file).catch(() => undefined);
  if (!content) return send(res, 404, {}, 'not found');
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...(host === 'cdn.botpress.cloud' ? CORS : {}) });
  res.end(req.method === 'HEAD' ? undefined : content);
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY) chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
