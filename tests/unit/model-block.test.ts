/**
 * Requests naming a blocked builder's model through resellers (core/model-block): which models
 * a block covers, where an open-weight model still passes, and that only block mode stops them.
 */
import { describe, expect, it } from 'vitest';
import { database } from '../../src/core/database.ts';
import { modelBlockListOf } from '../../src/core/model-block/model-block-list.ts';
import { globMatch, modelBlockOf } from '../../src/core/model-block/model-block-match.ts';
import { EMPTY_TIER } from '../../src/core/settings.ts';
import { RiskDatabase } from '../../src/core/risk-database.ts';
import { compileDatabase } from '../../src/core/database/compile-database.ts';

const settings = (user: Partial<typeof EMPTY_TIER>, mode: 'block' | 'warn' = 'block', org: Partial<typeof EMPTY_TIER> = {}) => ({ mode, org: { ...EMPTY_TIER, ...org }, user: { ...EMPTY_TIER, ...user } });

describe('blocked models through resellers', () => {
  it("a provider block covers that builder's models at any reseller, not other builders'", () => {
    const list = modelBlockListOf(settings({ blockedProviders: ['deepseek'] }), database);
    expect(modelBlockOf(list, 'openrouter.ai', 'deepseek/deepseek-chat')?.builder).toBe('deepseek');
    expect(modelBlockOf(list, 'relay.example.com', 'deepseek-reasoner', false)?.rule).toBe('user provider deepseek');
    // A model developer's own API does not pass another builder's open model on.
    expect(modelBlockOf(list, 'api.mistral.ai', 'deepseek-chat')).toBeUndefined();
    expect(modelBlockOf(list, 'openrouter.ai', 'openai/gpt-4o')).toBeUndefined();
    expect(modelBlockOf(list, 'openrouter.ai', 'moonshotai/kimi-k2')).toBeUndefined();
  });

  it('a country block covers the models of builders run or owned from there', () => {
    const list = modelBlockListOf(settings({ blockedCountries: ['CN'] }), database);
    for (const model of ['deepseek/deepseek-chat', 'qwen/qwen-2.5-72b-instruct', 'moonshotai/kimi-k2', 'z-ai/glm-4.6']) {
      expect(modelBlockOf(list, 'openrouter.ai', model), model).toBeDefined();
    }
    expect(modelBlockOf(list, 'openrouter.ai', 'anthropic/claude-sonnet-4')).toBeUndefined();
  });

  it('an open-weight model passes at a host that serves it itself, a closed one does not', () => {
    const db = new RiskDatabase(
      compileDatabase({
        providers: database.providers.map((p) => (p.id === 'together' ? { ...p, builderRouting: { mayReachBuilder: false, source: { url: 'https://example.org/x', reviewed: '2026-12-01' } } } : p)),
        jurisdictions: Object.values(database.compiled.jurisdictions),
        laws: Object.values(database.compiled.laws),
      }),
    );
    const list = modelBlockListOf(settings({ blockedCountries: ['CN'] }), db);
    expect(modelBlockOf(list, 'api.together.xyz', 'deepseek-ai/DeepSeek-V3')).toBeUndefined();
    expect(modelBlockOf(list, 'openrouter.ai', 'deepseek-ai/DeepSeek-V3')).toBeDefined();
    const closed = db.providers.flatMap((p) => (p.operator?.country === 'CN' ? (p.models ?? []).filter((f) => !f.openWeights).map((f) => f.patterns[0]!.replace('*', '')) : []))[0];
    if (closed) expect(modelBlockOf(list, 'api.together.xyz', closed)).toBeDefined();
  });

  it('an allow of higher priority leaves the builder out; warn and monitor stop nothing', () => {
    expect(modelBlockListOf(settings({ blockedCountries: ['CN'] }, 'block', { allowedProviders: ['deepseek'] }), database).families.some((f) => f.builder === 'deepseek')).toBe(false);
    expect(modelBlockListOf(settings({ blockedProviders: ['deepseek'] }, 'warn'), database).families).toEqual([]);
  });

  it('provenance lists stop a builder\'s models wherever they are served, open weights too', () => {
    const list = modelBlockListOf(settings({ blockedModelOrigins: ['CN'] }), database);
    expect(modelBlockOf(list, 'api.together.xyz', 'deepseek-ai/DeepSeek-V3')).toMatchObject({ builder: 'deepseek', anywhere: true, rule: 'user model-origin CN' });
    expect(modelBlockOf(list, 'api.together.xyz', 'meta-llama/Llama-3.3-70B-Instruct-Turbo')).toBeUndefined();
    const byBuilder = modelBlockListOf(settings({}, 'block', { blockedModelBuilders: ['deepseek'] }), database);
    expect(modelBlockOf(byBuilder, 'api.groq.com', 'deepseek-r1-distill-llama-70b')).toMatchObject({ rule: 'org model-builder deepseek' });
    // A provider block (no provenance) still lets a host that serves open weights itself through.
    expect(database.provider('together')?.builderRouting?.mayReachBuilder).toBe(false);
    expect(modelBlockOf(modelBlockListOf(settings({ blockedCountries: ['CN'] }), database), 'api.together.xyz', 'deepseek-ai/DeepSeek-V3')).toBeUndefined();
  });

  it("the organization's model-name patterns match the model as sent or its name, with * for any characters", () => {
    expect(globMatch('qwen*', 'qwen2.5-72b')).toBe(true);
    expect(globMatch('*-r1*', 'deepseek-r1-distill')).toBe(true);
    expect(globMatch('a*b*c', 'abc')).toBe(true);
    expect(globMatch('a*b*c', 'acb')).toBe(false);
    expect(globMatch('gpt-4o', 'gpt-4o-mini')).toBe(false);
    const list = modelBlockListOf({ ...settings({}), blockedModels: ['*uncensored*', 'qwen/*'] }, database);
    expect(modelBlockOf(list, 'openrouter.ai', 'cognitivecomputations/dolphin-uncensored-7b')).toMatchObject({ rule: 'org model *uncensored*', anywhere: true });
    expect(modelBlockOf(list, 'openrouter.ai', 'qwen/qwen-2.5-72b-instruct')).toMatchObject({ rule: 'org model qwen/*' });
    expect(modelBlockOf(list, 'openrouter.ai', 'openai/gpt-4o')).toBeUndefined();
  });

  it('does not reach through what the lists allow (an allowed provider, an allowed site), but provenance does', () => {
    const list = modelBlockListOf(settings({ blockedCountries: ['CN'], allowedProviders: ['openrouter'], allowedSites: ['intranet.example'] }), database);
    expect(modelBlockOf(list, 'openrouter.ai', 'deepseek/deepseek-chat')).toBeUndefined();
    expect(modelBlockOf(list, 'relay.example.com', 'deepseek-chat', false, 'intranet.example')).toBeUndefined();
    expect(modelBlockOf(list, 'relay.example.com', 'deepseek-chat', false, 'news.example.com')).toBeDefined();
    const provenance = modelBlockListOf(settings({ blockedModelOrigins: ['CN'], allowedProviders: ['openrouter'] }), database);
    expect(modelBlockOf(provenance, 'openrouter.ai', 'deepseek/deepseek-chat')).toBeDefined();
  });
});
