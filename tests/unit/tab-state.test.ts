import { describe, expect, it } from 'vitest';
import { MAX_FINDINGS_PER_TAB } from '../../src/core/constants.ts';
import { applyPageLeft, applyPageSeen, type FindingFacts, tabLevel } from '../../src/core/tab-state.ts';

const facts = (providerId: string, level: FindingFacts['level'] = 'high'): FindingFacts => ({
  providerId,
  providerName: providerId,
  productId: `${providerId}-chat`,
  productName: `${providerId} chat`,
  role: 'chat',
  operator: { name: `${providerId} Ltd`, country: 'CN' },
  level,
  reason: 'because',
});
const DOC_A = 'a'.repeat(32);
const DOC_B = 'b'.repeat(32);
const seen = (frameId: number, host: string, now = 1000, doc = DOC_A) => ({ tabId: 3, frameId, url: `https://${host}/`, host, doc, now });

describe('tab state', () => {
  it('records the top-level AI site as a site finding', () => {
    const state = applyPageSeen(undefined, seen(0, 'chat.deepseek.com'), facts('deepseek'));
    expect(state.url).toBe('https://chat.deepseek.com/');
    expect(state.findings).toMatchObject([{ kind: 'site', host: 'chat.deepseek.com', providerId: 'deepseek', count: 1, frameId: 0 }]);
    expect(tabLevel(state)).toBe('high');
  });

  it('starts over when the top frame loads a new page', () => {
    const ai = applyPageSeen(undefined, seen(0, 'chat.deepseek.com'), facts('deepseek'));
    const next = applyPageSeen(ai, seen(0, 'news.example', 2000, DOC_B), undefined);
    expect(next).toEqual({ tabId: 3, url: 'https://news.example/', doc: DOC_B, findings: [] });
    expect(tabLevel(next)).toBeUndefined();
  });

  it('adds AI frames as embed findings and counts repeats', () => {
    let state = applyPageSeen(undefined, seen(0, 'news.example'), undefined);
    state = applyPageSeen(state, seen(5, 'chat.deepseek.com', 2000), facts('deepseek'));
    state = applyPageSeen(state, seen(6, 'chat.deepseek.com', 3000), facts('deepseek'));
    state = applyPageSeen(state, seen(7, 'ads.example'), undefined);
    expect(state.url).toBe('https://news.example/');
    expect(state.findings).toMatchObject([{ kind: 'embed', count: 2, firstSeen: 2000, lastSeen: 3000 }]);
  });

  it('keeps a subframe report that arrives before any top-frame report', () => {
    const state = applyPageSeen(undefined, seen(9, 'chat.deepseek.com'), facts('deepseek'));
    expect(state.url).toBeUndefined();
    expect(state.findings).toHaveLength(1);
  });

  it(`holds at most ${MAX_FINDINGS_PER_TAB} findings, dropping the least recently seen`, () => {
    let state = applyPageSeen(undefined, seen(0, 'news.example'), undefined);
    for (let i = 0; i < MAX_FINDINGS_PER_TAB + 50; i++) {
      state = applyPageSeen(state, seen(i + 1, `h${i}.ai.example`, 10_000 + i), facts(`p${i}`));
    }
    expect(state.findings).toHaveLength(MAX_FINDINGS_PER_TAB);
    expect(state.findings[0]?.host).toBe('h50.ai.example');
    expect(state.findings.at(-1)?.host).toBe(`h${MAX_FINDINGS_PER_TAB + 49}.ai.example`);
  });

  it('reports the worst level of all findings', () => {
    let state = applyPageSeen(undefined, seen(0, 'chat.mistral.ai'), facts('mistral', 'low'));
    expect(tabLevel(state)).toBe('low');
    state = applyPageSeen(state, seen(2, 'x.unrated.example'), facts('unrated', 'unknown'));
    expect(tabLevel(state)).toBe('unknown');
    state = applyPageSeen(state, seen(3, 'api.openai.com'), facts('openai', 'medium'));
    expect(tabLevel(state)).toBe('medium');
  });

  it('forgets the page when its top document goes away, but not a newer page', () => {
    const ai = applyPageSeen(undefined, seen(0, 'chat.deepseek.com', 1000, DOC_A), facts('deepseek'));
    expect(applyPageLeft(ai, DOC_A)).toBeUndefined();
    // The next page reported before the old one's pagehide arrived: keep the next page.
    const next = applyPageSeen(ai, seen(0, 'chat.deepseek.com', 2000, DOC_B), facts('deepseek'));
    expect(applyPageLeft(next, DOC_A)).toBe(next);
    expect(applyPageLeft(undefined, DOC_A)).toBeUndefined();
  });
});
