import { describe, expect, it } from 'vitest';
import { badgeFor } from '../../src/core/badge.ts';
import { database } from '../../src/core/database.ts';
import { verdictFor } from '../../src/core/verdict.ts';
import { describedTab, tabOf } from './helpers.ts';
import { describeFindings } from '../../src/core/facts.ts';
import { tEn, tZh } from './locale.ts';

describe('badge', () => {
  it('is empty, with a tooltip saying so, when no AI was seen', () => {
    expect(badgeFor(describedTab('news.example'), tEn)).toEqual({
      text: '',
      color: '#5f6368',
      title: 'AI Jurisdiction Guard: no AI service seen on this page',
    });
  });

  it('shows the level in words and names provider and country in the tooltip', () => {
    const badge = badgeFor(describedTab('chat.deepseek.com'), tEn);
    expect(badge.text).toBe('HIGH');
    expect(badge.title).toBe('AI Jurisdiction Guard: High risk. AI on this page: DeepSeek (China)');
  });

  it('shows the worst level when several providers are on the page, and names the worst first', () => {
    const badge = badgeFor(describedTab('chat.mistral.ai', 'chat.deepseek.com'), tEn);
    expect(badge.text).toBe('HIGH');
    expect(badge.title).toContain('DeepSeek (China), Mistral AI (France)');
    expect(badgeFor(describedTab('chat.mistral.ai'), tEn).text).toBe('LOW');
    expect(badgeFor(describedTab('chatgpt.com'), tEn).text).toBe('MED');
  });
});

describe('verdict', () => {
  it('names the product, its operator country and the law for an AI site', () => {
    const verdict = verdictFor(describedTab('chat.deepseek.com'), tEn);
    expect(verdict?.level).toBe('high');
    expect(verdict?.sentence).toBe('This page is DeepSeek Chat, run by DeepSeek (China).');
    expect(verdict?.reason).toBe(database.jurisdiction('CN')?.reason);
    expect(verdict?.reason).toMatch(/National Intelligence Law/);
  });

  it('lists embedded providers, the site first', () => {
    expect(verdictFor(describedTab('chat.mistral.ai', 'chat.deepseek.com'), tEn)?.sentence).toBe(
      'This page is Le Chat, run by Mistral AI (France). It also uses AI from DeepSeek (China).',
    );
    expect(verdictFor(describedTab('news.example', 'chatgpt.com', 'chat.deepseek.com'), tEn)?.sentence).toBe(
      'This page uses AI from DeepSeek (China) and OpenAI (United States).',
    );
  });

  it('has no verdict when nothing was found', () => {
    expect(verdictFor(describedTab('news.example'), tEn)).toBeUndefined();
  });
});

describe('badge and verdict in Simplified Chinese', () => {
  const zhTab = (top: string, ...frames: string[]) => describeFindings(database, tabOf(top, ...frames), tZh);

  it('names countries in Chinese and keeps provider names as in the data', () => {
    const badge = badgeFor(zhTab('chat.mistral.ai', 'chat.deepseek.com'), tZh);
    expect(badge.text).toBe('高');
    expect(badge.title).toBe('AI 管辖权守卫：高风险。本页面的 AI：DeepSeek（中国）、Mistral AI（法国）');
    expect(verdictFor(zhTab('chat.deepseek.com'), tZh)?.sentence).toBe('本页面是 DeepSeek Chat，由 DeepSeek（中国） 运营。');
    expect(verdictFor(zhTab('news.example', 'chatgpt.com', 'chat.deepseek.com'), tZh)?.sentence).toBe('本页面使用了来自 DeepSeek（中国）和OpenAI（美国） 的 AI。');
  });
});
