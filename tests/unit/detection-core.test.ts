import { afterEach, describe, expect, it, vi } from 'vitest';
import { DETECTION_HINTS_BUDGET, MAX_FINDINGS_PER_TAB, MAX_OBSERVATION_KEYS_PER_DOCUMENT } from '../../src/core/constants.ts';
import { database } from '../../src/core/database.ts';
import { compileDetectionHints, compileFrameHints, detectionMarkersOf, parseDetectionMarkers } from '../../src/core/detection/detection-hints.ts';
import { compileHostFilter, falsePositiveRate, mayBeInFilter } from '../../src/core/detection/host-filter.ts';
import { HOST_FILTER_BITS } from '../../src/core/constants.ts';
import { describeFindings } from '../../src/core/facts.ts';
import { parseContentToBg } from '../../src/core/messages.ts';
import type { Observation } from '../../src/core/observation.ts';
import { sightingOf } from '../../src/core/sighting.ts';
import { applyPageSeen, applySightings, applyTopDocument, type Sighting, type TabState } from '../../src/core/tab-state.ts';
import { tabReport } from '../../src/core/tab-report.ts';
import { ReportQueue } from '../../src/content/report-queue.ts';
import { docId } from './helpers.ts';
import { tEn } from './locale.ts';

const obs = (o: Partial<Observation> & Pick<Observation, 'channel' | 'url'>): Observation => ({ count: 1, ...o });
const ctx = { frameId: 0, doc: docId('a'), frameHost: 'shop.example.com' };
const sight = (o: Partial<Observation> & Pick<Observation, 'channel' | 'url'>) => sightingOf(database, obs(o), ctx);

describe('what an observation is (sightingOf)', () => {
  it('a request to a known AI host is a request finding of that product, with the model it named', () => {
    expect(sight({ channel: 'fetch', url: 'https://openrouter.ai/api/v1/chat/completions', shape: 'openai-chat', confirmed: true, model: 'deepseek/deepseek-chat' })).toMatchObject({
      kind: 'request', providerId: 'openrouter', host: 'openrouter.ai', model: 'deepseek/deepseek-chat', path: '/api/v1/chat/completions', channel: 'fetch',
    });
  });
  it('a script or frame from an AI host is an embed, and carries no model', () => {
    expect(sight({ channel: 'script', url: 'https://cdn.botpress.cloud/webchat/v2.2/inject.js' })).toMatchObject({ kind: 'embed', providerId: 'botpress' });
    expect(sight({ channel: 'network', url: 'https://chat.deepseek.com/widget', resource: 'embed' })).toMatchObject({ kind: 'embed', providerId: 'deepseek' });
  });
  it('an AI API shape on an unknown host is an unknown endpoint only when the body confirms it', () => {
    expect(sight({ channel: 'xhr', url: 'https://gw.corp.example/v1/chat/completions', shape: 'openai-chat', confirmed: true, model: 'gpt-4o' })).toMatchObject({ kind: 'unknown-endpoint', host: 'gw.corp.example', model: 'gpt-4o' });
    expect(sight({ channel: 'xhr', url: 'https://gw.corp.example/v1/chat/completions', shape: 'openai-chat', confirmed: false })).toBeUndefined();
    expect(sight({ channel: 'fetch', url: 'https://www.example.com/api/items' })).toBeUndefined();
  });
  it('a marker counts only when the database lists it for that product', () => {
    expect(sight({ channel: 'marker', url: 'https://shop.example.com/', marker: 'global:botpress', productId: 'botpress-webchat' })).toMatchObject({ kind: 'embed', host: 'shop.example.com', marker: 'global:botpress' });
    expect(sight({ channel: 'marker', url: 'https://shop.example.com/', marker: 'global:evil', productId: 'botpress-webchat' })).toBeUndefined();
    expect(sight({ channel: 'marker', url: 'https://shop.example.com/', marker: 'global:botpress', productId: 'deepseek-chat' })).toBeUndefined();
  });
});

describe('content messages with observations', () => {
  const message = (observations: unknown) => parseContentToBg({ type: 'content-to-bg/observed', doc: docId('a'), observations });
  it('accepts a bounded list of well-formed observations', () => {
    expect(message([{ channel: 'fetch', url: 'https://api.deepseek.com/chat/completions', shape: 'openai-chat', confirmed: true, model: 'deepseek-chat', count: 3 }]).ok).toBe(true);
  });
  it.each([
    ['the browser-only channel network', [{ channel: 'network', url: 'https://a.example/', count: 1 }]],
    ['a URL with a query', [{ channel: 'fetch', url: 'https://a.example/?token=1', count: 1 }]],
    ['a javascript: URL', [{ channel: 'fetch', url: 'javascript:alert(1)', count: 1 }]],
    ['an unknown field', [{ channel: 'fetch', url: 'https://a.example/', count: 1, settings: { mode: 'off' } }]],
    ['a huge model', [{ channel: 'fetch', url: 'https://a.example/', count: 1, model: 'x'.repeat(300) }]],
    ['a negative count', [{ channel: 'fetch', url: 'https://a.example/', count: -5 }]],
    ['too many observations', Array.from({ length: 65 }, () => ({ channel: 'fetch', url: 'https://a.example/', count: 1 }))],
    ['no observations', []],
  ])('refuses %s', (_what, observations) => {
    expect(message(observations).ok).toBe(false);
  });
});

describe('findings of a tab', () => {
  const request = (channel: Sighting['channel'], extra: Partial<Sighting> = {}): Sighting => ({ kind: 'request', providerId: 'deepseek', productId: 'deepseek-api', role: 'api', host: 'api.deepseek.com', frameId: 0, channel, ...extra });

  it('counts a request seen by the page hook and by the network once, and keeps both channels as evidence', () => {
    let state = applySightings(undefined, [request('fetch')], 1, 7);
    state = applySightings(state, [request('network')], 2);
    expect(state.findings).toMatchObject([{ count: 1, via: ['fetch', 'network'], counts: { hook: 1, network: 1 }, firstSeen: 1, lastSeen: 2 }]);
    state = applySightings(state, [request('network'), request('network')], 3);
    expect(state.findings[0]?.count).toBe(3);
  });

  it('keeps one finding per model, so each upstream shows', () => {
    const state = applySightings(undefined, [request('fetch', { model: 'a' }), request('fetch', { model: 'b' }), request('fetch', { model: 'a' })], 1, 7);
    expect(state.findings.map((f) => [f.model, f.count])).toEqual([['a', 2], ['b', 1]]);
  });

  it('keeps what the navigation event recorded when the page reports the same document, and starts over for another', () => {
    let state: TabState | undefined = applyTopDocument(undefined, { tabId: 7, url: 'https://app.example.com/', documentId: 'D1' });
    state = applySightings(state, [request('network')], 1);
    state = applyPageSeen(state, { tabId: 7, frameId: 0, url: 'https://app.example.com/', host: 'app.example.com', doc: docId('a'), documentId: 'D1', now: 2 }, undefined)!;
    expect(state.findings).toHaveLength(1);
    state = applyTopDocument(state, { tabId: 7, url: 'https://news.example.com/', documentId: 'D2' });
    expect(state.findings).toEqual([]);
  });

  it(`holds at most ${MAX_FINDINGS_PER_TAB} findings and never drops the page's own`, () => {
    let state = applyPageSeen(undefined, { tabId: 7, frameId: 0, url: 'https://chat.deepseek.com/', host: 'chat.deepseek.com', doc: docId('a'), now: 0 }, { providerId: 'deepseek', productId: 'deepseek-chat', role: 'chat' })!;
    for (let i = 0; i < MAX_FINDINGS_PER_TAB * 3; i++) state = applySightings(state, [{ kind: 'unknown-endpoint', host: `h${i}.example`, frameId: 0, channel: 'fetch' }], i + 1);
    expect(state.findings).toHaveLength(MAX_FINDINGS_PER_TAB);
    expect(state.findings[0]?.kind).toBe('site');
    expect(state.findings.at(-1)?.host).toBe(`h${MAX_FINDINGS_PER_TAB * 3 - 1}.example`);
  });
});

describe('upstream of a request through an aggregator', () => {
  const through = (model: string) => describeFindings(database, applySightings(undefined, [sight({ channel: 'fetch', url: 'https://openrouter.ai/api/v1/chat/completions', shape: 'openai-chat', confirmed: true, model })!], 1, 1), tEn)[0]!;

  it('a closed-weights model counts its builder: OpenRouter with ByteDance Doubao is high', () => {
    const f = through('bytedance/doubao-1.5-pro-32k');
    expect(f.upstream).toMatchObject({ providerId: 'bytedance', counted: true, openWeights: false });
    expect(f.level).toBe('high');
    expect(f.decidedBy).toMatchObject({ kind: 'model-builder', country: 'CN' });
  });
  it('an open-weights model at a reseller that may route it to its builder counts the builder: "may reach DeepSeek"', () => {
    // OpenRouter lists DeepSeek's own API among the providers of deepseek models (builderRouting).
    expect(database.provider('openrouter')?.builderRouting?.mayReachBuilder).toBe(true);
    const f = through('deepseek/deepseek-chat');
    expect(f.upstream).toMatchObject({ providerId: 'deepseek', counted: true, openWeights: true, mayReach: true });
    expect(f.level).toBe('high');
    expect(f.decidedBy).toMatchObject({ kind: 'model-builder', country: 'CN', mayReach: true });
  });
  it('an open-weights model at a host that serves it itself names its origin without changing the level', () => {
    expect(database.provider('together')?.builderRouting?.mayReachBuilder).toBe(false);
    const together = (model: string) => describeFindings(database, applySightings(undefined, [sight({ channel: 'fetch', url: 'https://api.together.xyz/v1/chat/completions', shape: 'openai-chat', confirmed: true, model })!], 1, 1), tEn)[0]!;
    const f = together('deepseek-ai/DeepSeek-V3');
    expect(f.upstream).toMatchObject({ providerId: 'deepseek', counted: false, openWeights: true });
    expect(f.upstream?.mayReach).toBeUndefined();
    expect(f.level).toBe(together('no-such-model').level);
  });
  it('the report names aggregator, upstream, model and the law', () => {
    const report = tabReport(database, applySightings({ tabId: 4, url: 'https://app.example.com/', findings: [] }, [sight({ channel: 'fetch', url: 'https://openrouter.ai/api/v1/chat/completions', shape: 'openai-chat', confirmed: true, model: 'bytedance/doubao-1.5-pro-32k' })!], 1), tEn);
    expect(report).toMatchObject({ url: 'https://app.example.com/', level: 'high' });
    expect(report.findings[0]).toMatchObject({ tab: 4, pageSite: 'app.example.com', kind: 'request', provider: { id: 'openrouter', country: 'US' }, upstream: { id: 'bytedance', country: 'CN' }, model: 'bytedance/doubao-1.5-pro-32k' });
    expect(report.findings[0]?.laws.length).toBeGreaterThan(0);
  });
});

describe('hints that content scripts carry', () => {
  const hints = compileDetectionHints(database.providers);
  const { hostFilter } = compileFrameHints(database.providers);
  const may = (host: string) => mayBeInFilter(hostFilter, host);
  it('match every database host and its subdomains (no false negatives), and not look-alikes', () => {
    expect(may('api.deepseek.com')).toBe(true);
    expect(may('x.y.openrouter.ai')).toBe(true);
    expect(may('notdeepseek.com')).toBe(false);
    expect(may('deepseek.com.evil.io')).toBe(false);
    expect(may('com')).toBe(false);
    for (const p of database.providers) {
      for (const product of p.products) {
        for (const { host } of product.hosts) {
          const concrete = host.replaceAll('*', 'x');
          expect(may(concrete), host).toBe(true);
          expect(may(`a.b-c.${concrete}`), host).toBe(true);
        }
      }
    }
  });
  it('have a fixed size whatever the catalog, and few false positives', () => {
    const many = Array.from({ length: 10 * hints.hostSuffixes.length }, (_, i) => `h${i}.bench${i % 97}.example`);
    expect(compileHostFilter(many).length).toBe(hostFilter.length);
    expect(hostFilter.length).toBe(Math.ceil(HOST_FILTER_BITS / 6));
    let falsePositives = 0;
    for (let i = 0; i < 100_000; i++) if (may(`www.site${i}.example.net`)) falsePositives++;
    // Two probes per name (the host and one parent): at most a few times the expected rate.
    expect(falsePositives / 100_000).toBeLessThan(Math.max(2 * 3 * falsePositiveRate(hints.hostSuffixes.length), 1e-4));
    // Many suffixes fill the filter (more false positives) but none is ever missed.
    const full = compileHostFilter(many);
    for (const s of many) expect(mayBeInFilter(full, `x.${s}`)).toBe(true);
  });
  it('answer "maybe" to everything when the filter is missing (a broken build over-reports, never misses)', () => {
    expect(mayBeInFilter('', 'news.example.com')).toBe(true);
    expect(() => compileHostFilter(['localhost'])).toThrow(/single label/);
  });
  it('keep the widget markers out of the scripts, readable back from storage', () => {
    const markers = detectionMarkersOf(database.providers);
    expect(markers.globals).toContainEqual(['botpress', 'botpress-webchat']);
    expect(parseDetectionMarkers(JSON.parse(JSON.stringify(markers)))).toEqual(markers);
    expect(parseDetectionMarkers({ globals: [['a', 1], 'x', ['b', 'p']], selectors: 7 })).toEqual({ globals: [['b', 'p']], selectors: [] });
    expect(parseDetectionMarkers(undefined)).toEqual({ globals: [], selectors: [] });
  });
  it('leave out a suffix a shorter one covers, without changing which hosts match', () => {
    expect(hints.hostSuffixes).toContain('openai.com');
    expect(hints.hostSuffixes).not.toContain('api.openai.com');
    const listed = compileDetectionHints([{ id: 'x', name: 'X', kinds: ['app'], products: [{ id: 'x-a', name: 'A', hosts: ['api.x.example', 'x.example', 'deep.api.y.example', 'y.example.org'].map((host) => ({ host, role: 'api' as const, source: { url: 'https://example.org', reviewed: '2026-01-01' } })) }] }]);
    expect(listed.hostSuffixes).toEqual(['deep.api.y.example', 'x.example', 'y.example.org']);
  });
  it('are small: a few kilobytes, not the database', () => {
    expect(JSON.stringify(compileFrameHints(database.providers)).length).toBeLessThan(DETECTION_HINTS_BUDGET);
  });
});

describe('the content script report queue', () => {
  afterEach(() => vi.useRealTimers());
  it('turns a flood into a few messages with counts, and caps the distinct entries waiting', async () => {
    vi.useFakeTimers();
    const sent: Array<{ observations: Observation[] }> = [];
    const queue = new ReportQueue(docId('a'), async (m) => void sent.push(m));
    for (let i = 0; i < 100_000; i++) queue.add(obs({ channel: 'fetch', url: 'https://api.deepseek.com/chat/completions' }));
    for (let i = 0; i < 5_000; i++) queue.add(obs({ channel: 'fetch', url: `https://h${i}.example/v1/chat/completions` }));
    await vi.runAllTimersAsync();
    const all = sent.flatMap((m) => m.observations);
    expect(all.find((o) => o.url === 'https://api.deepseek.com/chat/completions')?.count).toBe(100_000);
    expect(new Set(all.map((o) => o.url)).size).toBe(MAX_OBSERVATION_KEYS_PER_DOCUMENT);
    expect(queue.dropped).toBe(5_000 - MAX_OBSERVATION_KEYS_PER_DOCUMENT + 1);
    expect(sent.every((m) => m.observations.length <= 64)).toBe(true);
    // Once the flood is sent, the page's next real request is reported again.
    queue.add(obs({ channel: 'fetch', url: 'https://openrouter.ai/api/v1/chat/completions', model: 'deepseek/deepseek-chat' }));
    await vi.runAllTimersAsync();
    expect(sent.flatMap((m) => m.observations).some((o) => o.model === 'deepseek/deepseek-chat')).toBe(true);
  });
});

describe('one request, with and without its model', () => {
  const at = (channel: Sighting['channel'], model?: string): Sighting => ({ kind: 'request', providerId: 'openrouter', productId: 'openrouter-api', role: 'api', host: 'openrouter.ai', frameId: 0, channel, ...(model ? { model } : {}) });
  it('the hook without the model (a Request object body) and the network log with it make one finding', () => {
    let state = applySightings(undefined, [at('fetch')], 1, 2);
    state = applySightings(state, [at('network', 'deepseek/deepseek-chat')], 2);
    expect(state.findings).toMatchObject([{ model: 'deepseek/deepseek-chat', count: 1, via: ['fetch', 'network'] }]);
  });
  it('in the other order too', () => {
    let state = applySightings(undefined, [at('network', 'deepseek/deepseek-chat')], 1, 2);
    state = applySightings(state, [at('fetch')], 2);
    expect(state.findings).toMatchObject([{ model: 'deepseek/deepseek-chat', count: 1 }]);
  });
  it('two models stay two findings', () => {
    const state = applySightings(undefined, [at('fetch', 'a/x'), at('network', 'a/x'), at('fetch', 'b/y'), at('network', 'b/y')], 1, 2);
    expect(state.findings.map((f) => [f.model, f.count])).toEqual([['a/x', 1], ['b/y', 1]]);
  });
});
