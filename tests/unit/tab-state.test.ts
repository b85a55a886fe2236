import { describe, expect, it } from 'vitest';
import { MAX_FINDINGS_PER_TAB } from '../../src/core/constants.ts';
import { applyPageLeft, applyPageSeen, type FindingRef, pageUrlOf, type TabState } from '../../src/core/tab-state.ts';
import { docId } from './helpers.ts';

const ref = (providerId: string): FindingRef => ({ providerId, productId: `${providerId}-chat`, role: 'chat' });
const TOP = docId('a');
const NEXT_TOP = docId('b');
const FRAME = docId('c');
const seen = (frameId: number, host: string, now = 1000, doc = frameId === 0 ? TOP : FRAME) => ({ tabId: 3, frameId, url: `https://${host}/`, host, doc, now });
/** Applies a report the way the background does: undefined means "no change". */
const report = (prev: TabState | undefined, s: ReturnType<typeof seen>, r?: FindingRef) => applyPageSeen(prev, s, r) ?? prev;

describe('tab state', () => {
  it('records the top-level AI site as a site finding', () => {
    const state = report(undefined, seen(0, 'chat.deepseek.com'), ref('deepseek'));
    expect(state).toEqual({
      tabId: 3,
      url: 'https://chat.deepseek.com/',
      doc: TOP,
      findings: [{ ...ref('deepseek'), kind: 'site', host: 'chat.deepseek.com', frameId: 0, doc: TOP, via: ['frame'], counts: { frame: 1 }, count: 1, firstSeen: 1000, lastSeen: 1000 }],
    });
  });

  it('starts over when the top frame loads a new page', () => {
    const ai = report(undefined, seen(0, 'chat.deepseek.com'), ref('deepseek'));
    expect(report(ai, seen(0, 'news.example', 2000, NEXT_TOP))).toEqual({ tabId: 3, url: 'https://news.example/', doc: NEXT_TOP, findings: [] });
  });

  it('adds AI frames as embed findings, counts repeats, and ignores other frames', () => {
    let state = report(undefined, seen(0, 'news.example'));
    state = report(state, seen(5, 'chat.deepseek.com', 2000), ref('deepseek'));
    state = report(state, seen(6, 'chat.deepseek.com', 3000), ref('deepseek'));
    expect(applyPageSeen(state, seen(7, 'ads.example'), undefined)).toBeUndefined();
    expect(state?.url).toBe('https://news.example/');
    expect(state?.findings).toMatchObject([{ kind: 'embed', count: 2, firstSeen: 2000, lastSeen: 3000 }]);
  });

  it(`holds at most ${MAX_FINDINGS_PER_TAB} findings, dropping the least recently seen`, () => {
    let state = report(undefined, seen(0, 'news.example'));
    for (let i = 0; i < MAX_FINDINGS_PER_TAB + 50; i++) state = report(state, seen(i + 1, `h${i}.ai.example`, 10_000 + i), ref(`p${i}`));
    expect(state?.findings).toHaveLength(MAX_FINDINGS_PER_TAB);
    expect(state?.findings[0]?.host).toBe('h50.ai.example');
    expect(state?.findings.at(-1)?.host).toBe(`h${MAX_FINDINGS_PER_TAB + 49}.ai.example`);
  });

  describe('when a document leaves', () => {
    it('forgets the page when its top document goes away, but not a newer page', () => {
      const ai = report(undefined, seen(0, 'chat.deepseek.com'), ref('deepseek'));
      expect(applyPageLeft(ai, TOP)).toBeUndefined();
      // The next page reported before the old one's pagehide arrived: keep the next page.
      const next = report(ai, seen(0, 'chat.deepseek.com', 2000, NEXT_TOP), ref('deepseek'));
      expect(applyPageLeft(next, TOP)).toBe(next);
      expect(applyPageLeft(undefined, TOP)).toBeUndefined();
    });

    it('keeps an embed when only its frame leaves a reported page (the evidence stays)', () => {
      let state = report(undefined, seen(0, 'news.example'));
      state = report(state, seen(5, 'chat.deepseek.com'), ref('deepseek'));
      expect(applyPageLeft(state, FRAME)).toBe(state);
    });

    it('clears AI frames of a top page that has no content script when they leave', () => {
      // e.g. an about:blank or file: page holding an AI iframe: only the frame ever reports.
      const state = report(undefined, seen(5, 'chat.deepseek.com'), ref('deepseek'));
      expect(state?.url).toBeUndefined();
      expect(applyPageLeft(state, FRAME)).toBeUndefined();
      const two = report(state, seen(6, 'chat.mistral.ai', 1000, docId('d')), ref('mistral'));
      expect(applyPageLeft(two, FRAME)?.findings.map((f) => f.providerId)).toEqual(['mistral']);
    });
  });

  it('keeps origin and path of a page URL, never query or fragment', () => {
    expect(pageUrlOf('https://chat.deepseek.com/a/b?token=secret#me@example.com')).toBe('https://chat.deepseek.com/a/b');
    expect(pageUrlOf('http://news.example.com')).toBe('http://news.example.com/');
    expect(pageUrlOf('data:text/html,hi')).toBeUndefined();
    expect(pageUrlOf('not a url')).toBeUndefined();
  });
});
