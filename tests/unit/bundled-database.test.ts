/**
 * The database the extension ships (src/data), held to the risk-database issue's bar: its size,
 * the lookups people rely on, and the laws every Chinese, US, EU, UK and Russian finding cites.
 */
import { describe, expect, it } from 'vitest';
import { database } from '../../src/core/database.ts';
import { productRisk } from '../../src/core/product-risk.ts';
import { databaseStats } from '../../scripts/database/stats.ts';

describe('bundled risk database', () => {
  const stats = databaseStats(database);

  it('is big enough: 120 products from 90 providers in 15 countries, 40 from China, 400 hosts', () => {
    expect(stats.products).toBeGreaterThanOrEqual(120);
    expect(stats.providers).toBeGreaterThanOrEqual(90);
    expect(stats.countries).toBeGreaterThanOrEqual(15);
    expect(stats.chinaProducts).toBeGreaterThanOrEqual(40);
    expect(stats.hosts).toBeGreaterThanOrEqual(400);
  });

  it('resolves a host, its subdomains and its parent domain, and nothing that only looks alike', () => {
    const provider = (host: string) => database.lookupHost(host)?.provider.id;
    expect(provider('api.deepseek.com')).toBe('deepseek');
    expect(provider('foo.bar.deepseek.com')).toBe('deepseek');
    expect(provider('deepseek.com')).toBe('deepseek');
    expect(provider('notdeepseek.com')).toBeUndefined();
    expect(provider('deepseek.com.evil.io')).toBeUndefined();
  });

  it.each([
    ['deepseek-chat', 'deepseek'],
    ['qwen-max', 'alibaba'],
    ['glm-4.5', 'zhipu'],
    ['moonshot-v1-8k', 'moonshot'],
    ['kimi-k2-0905-preview', 'moonshot'],
    ['abab6.5s-chat', 'minimax'],
    ['MiniMax-M2', 'minimax'],
    ['ernie-4.0-8k', 'baidu'],
    ['hunyuan-lite', 'tencent'],
    ['doubao-pro-32k', 'bytedance'],
    ['yi-large', '01-ai'],
    ['gpt-4o', 'openai'],
    ['claude-3-5-sonnet-20241022', 'anthropic'],
    ['gemini-1.5-pro', 'google'],
    ['mistral-large-latest', 'mistral'],
    ['deepseek/deepseek-chat', 'deepseek'],
    ['deepseek-ai/DeepSeek-V3', 'deepseek'],
    ['Qwen/Qwen2.5-72B-Instruct', 'alibaba'],
    ['meta-llama/Llama-3.3-70B-Instruct', 'meta'],
    ['us.anthropic.claude-3-5-sonnet-20241022-v2:0', 'anthropic'],
  ])('knows who built %s', (model, builder) => {
    expect(database.lookupModel(model)?.builder.id).toBe(builder);
  });

  it('says how each major aggregator names its upstream model', () => {
    for (const id of ['openrouter', 'poe', 'together', 'groq', 'fireworks', 'siliconflow', 'huggingface']) {
      expect(database.provider(id)?.routing?.format, id).toBeDefined();
    }
  });

  it('cites the laws the issue names, with articles, for China, Russia, the US, the EU and the UK', () => {
    const articlesOf = (country: string) =>
      (database.jurisdiction(country)?.laws ?? []).map((id) => `${database.law(id)?.name}: ${database.law(id)?.articles.map((a) => a.ref).join(', ')}`).join('\n');
    expect(articlesOf('CN')).toMatch(/National Intelligence Law: .*7.*14/);
    expect(articlesOf('CN')).toMatch(/Data Security Law/);
    expect(articlesOf('CN')).toMatch(/Cybersecurity Law/);
    expect(articlesOf('CN')).toMatch(/Personal Information Protection Law/);
    expect(articlesOf('CN')).toMatch(/Counter-Espionage Law/);
    expect(articlesOf('US')).toMatch(/CLOUD Act/);
    expect(articlesOf('US')).toMatch(/702/);
    expect(articlesOf('FR')).toMatch(/General Data Protection Regulation|GDPR/);
    expect(articlesOf('GB')).toMatch(/Investigatory Powers Act/);
    expect(articlesOf('RU').length).toBeGreaterThan(0);
  });

  it('gives each country the default level docs/risk-model.md states', () => {
    const levelOf = (c: string) => database.jurisdiction(c)?.level;
    expect(['CN', 'HK', 'RU'].map(levelOf)).toEqual(['high', 'high', 'high']);
    expect(['US', 'SG', 'IN', 'AE'].map(levelOf)).toEqual(['medium', 'medium', 'medium', 'medium']);
    expect(['FR', 'DE', 'IE', 'GB', 'CH', 'CA', 'IL', 'JP', 'KR'].every((c) => levelOf(c) === 'low')).toBe(true);
  });

  it('rates a Singapore or US arm of a Chinese group by its Chinese parent', () => {
    for (const host of ['api.moonshot.ai', 'chat.z.ai', 'www.ciciai.com']) {
      const match = database.lookupHost(host)!;
      const risk = productRisk(database, match.provider, match.product);
      expect(risk.level, host).toBe('high');
      expect(risk.factors.find((f) => f.kind === 'parent')?.country, host).toBe('CN');
    }
  });

  it('rates every country a provider sits in, and never shows a known provider as unknown because of it', () => {
    for (const provider of database.providers) {
      for (const company of [provider.operator, provider.parent, ...provider.products.flatMap((p) => [p.operator, p.parent])]) {
        if (company) expect(database.jurisdiction(company.country), `${provider.id}: ${company.country}`).toBeDefined();
      }
    }
  });
});
