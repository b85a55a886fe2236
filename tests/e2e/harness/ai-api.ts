/**
 * Fake AI APIs for the fixture server: an OpenAI-style chat completion answer with CORS, so
 * pages on other origins can call them as they call the real services.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FixtureServer } from './fixture-server.ts';

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

export function answerChat(req: IncomingMessage, res: ServerResponse, body: string): void {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS);
    return void res.end();
  }
  let model = 'unknown';
  try {
    model = String((JSON.parse(body) as { model?: unknown }).model ?? model);
  } catch {
    // not JSON: still answer
  }
  res.writeHead(200, { ...CORS, 'content-type': 'application/json' });
  res.end(JSON.stringify({ id: 'fixture', model, choices: [{ index: 0, message: { role: 'assistant', content: `answer from ${model}` } }] }));
}

/** Answers every path of `host` as a chat completion endpoint. */
export function serveFakeAi(server: FixtureServer, ...hosts: string[]): void {
  for (const host of hosts) server.route(host, '*', answerChat);
}
