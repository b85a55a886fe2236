import { describe, expect, it } from 'vitest';
import { networkFilter, observationOf } from '../../src/background/observe-network.ts';
import { database } from '../../src/core/database.ts';

type Details = Parameters<typeof observationOf>[0];
const details = (url: string, type: string, body?: string): Details =>
  ({ url, type, tabId: 3, frameId: 0, requestId: '1', method: 'POST', timeStamp: 0, ...(body !== undefined ? { requestBody: { raw: [{ bytes: new TextEncoder().encode(body).buffer }] } } : {}) }) as unknown as Details;

describe('the browser network log as observations', () => {
  it('reads the model of a JSON body from the raw bytes of a request to an AI API', () => {
    expect(observationOf(details('https://api.deepseek.com/chat/completions?x=1', 'xmlhttprequest', '{"model":"deepseek-chat","messages":[]}'))).toEqual({
      channel: 'network', url: 'https://api.deepseek.com/chat/completions', resource: 'request', shape: 'openai-chat', confirmed: true, model: 'deepseek-chat', count: 1,
    });
  });
  it('marks scripts and frames as embeds', () => {
    expect(observationOf(details('https://cdn.botpress.cloud/webchat/v2.2/inject.js', 'script'))).toMatchObject({ resource: 'embed' });
  });
  it('lets ordinary traffic go without a look at its body', () => {
    expect(observationOf(details('https://www.example.com/api/items', 'xmlhttprequest', '{"model":"x","messages":[]}'))).toBeUndefined();
  });
  it('reports an AI API shape on an unknown host for the background to decide', () => {
    expect(observationOf(details('https://gw.corp.example/v1/chat/completions', 'xmlhttprequest', '{"model":"gpt-4o","messages":[]}'))).toMatchObject({ shape: 'openai-chat', confirmed: true, model: 'gpt-4o' });
  });
});

describe('which requests wake the worker (networkFilter)', () => {
  const patterns = networkFilter().urls.map((p) => {
    const [, scheme, host, path] = /^([^:]+):\/\/([^/]+)(\/.*)$/.exec(p)!;
    const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
    const hostRe = host === '*' ? '[^/]+' : host!.startsWith('*.') ? `(?:[^/]+\\.)?${esc(host!.slice(2))}` : esc(host!);
    return new RegExp(`^${scheme === '*' ? 'https?' : scheme}://${hostRe}${esc(path!)}$`);
  });
  const wakes = (url: string) => patterns.some((re) => re.test(url));

  it('covers every database host and its subdomains, and AI API paths on any host', () => {
    for (const p of database.providers) for (const product of p.products) for (const { host } of product.hosts) expect(wakes(`https://${host.replaceAll('*', 'x')}/any`), host).toBe(true);
    for (const url of [
      'https://gw.corp.example/v1/chat/completions', 'https://gw.corp.example/openai/deployments/x/chat/completions?api-version=1',
      'https://gw.corp.example/v1/messages', 'https://gw.corp.example/v1beta/models/gemini-2.0-flash:generateContent',
      'https://gw.corp.example/model/anthropic.claude-3/invoke', 'https://gw.corp.example/api/chat', 'https://gw.corp.example/api/generate',
      'https://gw.corp.example/v1/responses', 'https://gw.corp.example/v1/embeddings', 'wss://gw.corp.example/v1/realtime',
    ]) expect(wakes(url), url).toBe(true);
  });
  it('leaves ordinary traffic to the page', () => {
    for (const url of ['https://www.example.com/index.js', 'https://cdn.example.net/img/logo.png', 'https://api.example.com/v1/items']) expect(wakes(url), url).toBe(false);
  });
});
