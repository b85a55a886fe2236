import { describe, expect, it } from 'vitest';
import { apiFilter, hostFilter, isForApiListener, observationOf } from '../../src/background/observe-network.ts';
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

describe('which requests wake the worker (apiFilter, hostFilter)', () => {
  /** A match pattern as a regular expression, as Chrome reads one (`*` scheme: http and https; path pattern against path and query). */
  const regexOf = (p: string) => {
    if (p === '<all_urls>') return /^(?:https?|wss?|ftp|file):/;
    const [, scheme, host, path] = /^([^:]+):\/\/([^/]+)(\/.*)$/.exec(p)!;
    const esc = (x: string) => x.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
    const hostRe = host === '*' ? '[^/]+' : host!.startsWith('*.') ? `(?:[^/]+\\.)?${esc(host!.slice(2))}` : esc(host!);
    return new RegExp(`^${scheme === '*' ? 'https?' : scheme}://${hostRe}${esc(path!)}$`);
  };
  const api = apiFilter().urls.map(regexOf);
  const other = hostFilter().urls.map(regexOf);
  const apiTakes = (url: string, type: string) => apiFilter().types!.includes(type as never) && api.some((re) => re.test(url));

  it('has filters of a fixed size, whatever the catalog holds', () => {
    expect(apiFilter().urls.length + hostFilter().urls.length).toBeLessThan(20);
  });
  it('hands every request of the watched kinds to exactly one listener: the API one when its path can name a model', () => {
    const urls = [
      'https://gw.corp.example/v1/chat/completions', 'https://gw.corp.example/openai/deployments/x/chat/completions?api-version=1',
      'https://gw.corp.example/v1/messages', 'https://gw.corp.example/v1beta/models/gemini-2.0-flash:generateContent',
      'https://gw.corp.example/model/anthropic.claude-3/invoke', 'https://gw.corp.example/api/chat', 'https://gw.corp.example/api/generate',
      'https://gw.corp.example/v1/responses', 'https://gw.corp.example/v1/embeddings', 'wss://gw.corp.example/v1/realtime',
      'https://www.example.com/index.js', 'https://api.deepseek.com/anything', 'https://x.example/?q=chat', 'http://x.example/a/models/b',
      'https://x.example/V1/CHAT/COMPLETIONS', 'https://x.example/chat#frag', 'ws://x.example/socket',
    ];
    // Random paths built from the pieces the filters look for.
    const pieces = ['v1', 'chat', 'completions', 'models', 'model', 'images', 'audio', 'api', 'generate', 'x', 'Chat', '%63hat', '?', '=', 'messages'];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let i = 0; i < 2_000; i++) {
      let path = '';
      for (let n = next() % 5; n >= 0; n--) path += `/${pieces[next() % pieces.length]}`;
      urls.push(`https://h${i}.example${path}`);
    }
    for (const url of urls) {
      for (const type of ['xmlhttprequest', 'websocket', 'script', 'sub_frame', 'ping']) {
        const byApi = apiTakes(url, type);
        expect(isForApiListener(url, type), `${type} ${url}`).toBe(byApi);
        // Whatever the API listener does not take, the other one is given (and keeps).
        if (!byApi) expect(other.some((re) => re.test(url)), `${type} ${url}`).toBe(true);
      }
    }
  });
  it('gives the API listener every path that can name a model', () => {
    for (const url of [
      'https://gw.corp.example/v1/chat/completions', 'https://gw.corp.example/v1/messages', 'https://gw.corp.example/v1beta/models/gemini-2.0-flash:generateContent',
      'https://gw.corp.example/model/anthropic.claude-3/invoke', 'https://gw.corp.example/api/chat', 'https://gw.corp.example/api/generate',
      'https://gw.corp.example/v1/responses', 'https://gw.corp.example/v1/embeddings', 'https://gw.corp.example/v1/audio/speech', 'https://gw.corp.example/v1/images/generations',
    ]) expect(apiTakes(url, 'xmlhttprequest'), url).toBe(true);
  });
  it('keeps, of the other requests, only those to a database host', () => {
    for (const p of database.providers) for (const product of p.products) for (const { host } of product.hosts) expect(observationOf(details(`https://${host.replaceAll('*', 'x')}/any`, 'xmlhttprequest')), host).toBeDefined();
    for (const url of ['https://www.example.com/index.js', 'https://cdn.example.net/img/logo.png', 'https://api.example.com/v1/items']) expect(observationOf(details(url, 'xmlhttprequest')), url).toBeUndefined();
  });
});
