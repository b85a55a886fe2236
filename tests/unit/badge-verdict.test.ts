import { describe, expect, it } from 'vitest';
import { assessHost } from './helpers.ts';
import { badgeFor } from '../../src/core/badge.ts';
import { applyPageSeen, type TabState } from '../../src/core/tab-state.ts';
import { verdictFor } from '../../src/core/verdict.ts';

function tab(top: string, ...frames: string[]): TabState {
  let state = applyPageSeen(undefined, { tabId: 1, frameId: 0, url: `https://${top}/`, host: top, doc: 'd'.repeat(32), now: 1 }, assessHost(top));
  frames.forEach((host, i) => {
    state = applyPageSeen(state, { tabId: 1, frameId: i + 1, url: `https://${host}/`, host, doc: 'e'.repeat(32), now: 2 + i }, assessHost(host));
  });
  return state;
}

describe('badge', () => {
  it('is empty, with a tooltip saying so, when no AI was seen', () => {
    expect(badgeFor(tab('news.example'))).toEqual({
      text: '',
      color: '#5f6368',
      title: 'AI Jurisdiction Guard: no AI service seen on this page',
    });
    expect(badgeFor(undefined).text).toBe('');
  });

  it('shows the level in words and names provider and country in the tooltip', () => {
    const badge = badgeFor(tab('chat.deepseek.com'));
    expect(badge.text).toBe('HIGH');
    expect(badge.title).toBe('AI Jurisdiction Guard: High risk. AI on this page: DeepSeek (China)');
  });

  it('shows the worst level when several providers are on the page', () => {
    const badge = badgeFor(tab('chat.mistral.ai', 'chat.deepseek.com'));
    expect(badge.text).toBe('HIGH');
    expect(badge.title).toContain('Mistral AI (France), DeepSeek (China)');
    expect(badgeFor(tab('chat.mistral.ai')).text).toBe('LOW');
    expect(badgeFor(tab('chatgpt.com')).text).toBe('MED');
  });
});

describe('verdict', () => {
  it('names the product, its operator country and the law for an AI site', () => {
    const verdict = verdictFor(tab('chat.deepseek.com'));
    expect(verdict?.level).toBe('high');
    expect(verdict?.sentence).toBe('This page is DeepSeek Chat, run by DeepSeek (China).');
    expect(verdict?.reason).toMatch(/National Intelligence Law 2017, art\. 7/);
  });

  it('lists embedded providers, the site first', () => {
    expect(verdictFor(tab('chat.mistral.ai', 'chat.deepseek.com'))?.sentence).toBe(
      'This page is Le Chat, run by Mistral AI (France). It also uses AI from DeepSeek (China).',
    );
    expect(verdictFor(tab('news.example', 'chatgpt.com', 'chat.deepseek.com'))?.sentence).toBe(
      'This page uses AI from DeepSeek (China) and OpenAI (United States).',
    );
  });

  it('has no verdict when nothing was found', () => {
    expect(verdictFor(tab('news.example'))).toBeUndefined();
  });
});
