import { describe, expect, it } from 'vitest';
import { badgeFor } from '../../src/core/badge.ts';
import { database } from '../../src/core/database.ts';
import { verdictFor } from '../../src/core/verdict.ts';
import { describedTab, docId, tabOf } from './helpers.ts';
import { flowLine } from '../../src/core/flow-line.ts';
import { sightingOf } from '../../src/core/sighting.ts';
import { applySightings } from '../../src/core/tab-state.ts';
import { describeFindings } from '../../src/core/facts.ts';
import { tEn, tZh } from './locale.ts';

describe('badge', () => {
  it('is empty, with a tooltip saying so, when no AI was seen', () => {
    expect(badgeFor(describedTab('news.example'), tEn)).toEqual({
      text: '',
      color: '#5f6368',
      title: 'AI Jurisdiction Guard: no AI service seen on this page.',
    });
  });

  it('shows the level in words and names provider and country in the tooltip', () => {
    const badge = badgeFor(describedTab('chat.deepseek.com'), tEn);
    expect(badge.text).toBe('HIGH');
    expect(badge.title).toBe('AI Jurisdiction Guard: High risk. AI on this page: DeepSeek (China).');
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

  it('names a product called like its provider once', () => {
    expect(verdictFor(describedTab('poe.com'), tEn)?.sentence).toBe('This page is Poe (United States).');
    expect(verdictFor(describedTab('poe.com', 'chat.deepseek.com'), tEn)?.sentence).toBe('This page is Poe (United States). It also uses AI from DeepSeek (China).');
    expect(verdictFor(describeFindings(database, tabOf('poe.com'), tZh), tZh)?.sentence).toBe('本页面是 Poe（美国）。');
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
    expect(badge.title).toBe('AI 管辖权守卫：高风险。本页面的 AI：DeepSeek（中国）、Mistral AI（法国）。');
    expect(verdictFor(zhTab('chat.deepseek.com'), tZh)?.sentence).toBe('本页面是 DeepSeek Chat，由 DeepSeek（中国）运营。');
    expect(verdictFor(zhTab('news.example', 'chatgpt.com', 'chat.deepseek.com'), tZh)?.sentence).toBe('本页面使用的 AI 来自：DeepSeek（中国）和 OpenAI（美国）。');
  });
});

describe('flow line through an aggregator', () => {
  const through = (model: string, t = tEn) =>
    describeFindings(database, applySightings(undefined, [sightingOf(database, { count: 1, channel: 'fetch', url: 'https://openrouter.ai/api/v1/chat/completions', shape: 'openai-chat', confirmed: true, model }, { frameId: 0, doc: docId('a'), frameHost: 'app.example.com' })!], 1, 1), t)[0]!;
  const bytedance = 'ByteDance'; // the name as sentences use it, without its products (shortName)

  it('goes on to the builder of a closed-weights model, in both languages', () => {
    expect(flowLine(through('bytedance/doubao-1.5-pro-32k'), tEn)).toBe(`This page → OpenRouter (United States) → ${bytedance} (China)`);
    expect(flowLine(through('bytedance/doubao-1.5-pro-32k', tZh), tZh)).toBe(`本页面 → OpenRouter（美国） → ${bytedance}（中国）`);
    expect(verdictFor([through('bytedance/doubao-1.5-pro-32k')], tEn)?.sentence).toBe(`This page uses AI from OpenRouter (United States) → ${bytedance} (China).`);
  });

  it('says an open-weights model "may reach" its builder where the reseller may route it there, and is absent without a known model', () => {
    expect(flowLine(through('deepseek/deepseek-chat'), tEn)).toBe('This page → OpenRouter (United States) → may reach DeepSeek (China)');
    expect(flowLine(through('deepseek/deepseek-chat'), tZh)).toBe('本页面 → OpenRouter（美国） → 可能到达 DeepSeek（中国）');
    expect(flowLine(through('no-such-model-xyz'), tEn)).toBeUndefined();
    expect(flowLine(describedTab('chat.deepseek.com')[0]!, tEn)).toBeUndefined();
  });
});

describe('an AI endpoint the database does not know', () => {
  const gateway = (t = tEn) =>
    describeFindings(database, applySightings(undefined, [sightingOf(database, { count: 1, channel: 'xhr', url: 'https://llm.gateway.example.net/v1/chat/completions', shape: 'openai-chat', confirmed: true, model: 'qwen2.5-72b-instruct' }, { frameId: 0, doc: docId('a'), frameHost: 'app.example.com' })!], 1, 1), t);

  it('is named by its host, with why its level is unknown, in both languages', () => {
    expect(gateway()[0]).toMatchObject({ kind: 'unknown-endpoint', providerName: 'Unknown AI service', level: 'unknown' });
    expect(verdictFor(gateway(), tEn)).toMatchObject({ level: 'unknown', sentence: 'This page uses AI from an unknown AI service at llm.gateway.example.net.' });
    expect(verdictFor(gateway(), tEn)?.reason).toMatch(/not in the database/);
    expect(verdictFor(gateway(tZh), tZh)).toMatchObject({ sentence: '本页面使用的 AI 来自：llm.gateway.example.net 上的未知 AI 服务。' });
    expect(gateway(tZh)[0]?.reason).toMatch(/不在数据库中/);
    expect(badgeFor(gateway(), tEn).text).toBe('?');
  });
});

describe('names in sentences (shortName)', () => {
  it('drops the products listed after a company name, and keeps names that are only that', async () => {
    const { shortName } = await import('../../src/core/facts.ts');
    expect(shortName('ByteDance (Doubao, Coze, Trae)')).toBe('ByteDance');
    expect(shortName('Qiniu Cloud (七牛云)')).toBe('Qiniu Cloud');
    expect(shortName('DeepSeek')).toBe('DeepSeek');
    expect(shortName('(X)')).toBe('(X)');
  });
});
