import { describe, expect, it } from 'vitest';
import { fixtureDatabase } from './fixture-database.ts';

describe('host lookup', () => {
  const db = fixtureDatabase();
  const hit = (host: string) => {
    const m = db.lookupHost(host);
    return m && `${m.product.id} ${m.host.role} ${m.host.host}`;
  };

  it('matches a listed host and every subdomain of it, most specific entry first', () => {
    expect(hit('api.deepseek.com')).toBe('deepseek-api api api.deepseek.com');
    expect(hit('deepseek.com')).toBe('deepseek-api site deepseek.com');
    expect(hit('foo.bar.deepseek.com')).toBe('deepseek-api site deepseek.com');
    expect(hit('chat.deepseek.com')).toBe('deepseek-chat chat chat.deepseek.com');
    expect(hit('x.chat.deepseek.com')).toBe('deepseek-chat chat chat.deepseek.com');
  });

  it('normalises case and a trailing dot', () => {
    expect(hit('API.DeepSeek.COM.')).toBe('deepseek-api api api.deepseek.com');
  });

  it('does not match look-alikes, parents or suffix tricks', () => {
    for (const host of ['notdeepseek.com', 'deepseek.com.evil.io', 'deepseek.co', 'oaistatic.com', 'com', '', '.', 'deepseek', 'chatgpt.com.', 'xchatgpt.com']) {
      expect(hit(host), host).toBe(host === 'chatgpt.com.' ? 'openai-chatgpt chat chatgpt.com' : undefined);
    }
  });

  it('matches a * label as exactly one label, with subdomains', () => {
    expect(hit('ark.cn-beijing.volces.com')).toBe('bytedance-ark api ark.*.volces.com');
    expect(hit('x.ark.ap-southeast.volces.com')).toBe('bytedance-ark api ark.*.volces.com');
    expect(hit('ark.volces.com')).toBeUndefined();
    expect(hit('ark.a.b.volces.com')).toBeUndefined();
    expect(hit('volces.com')).toBeUndefined();
    expect(hit('ark.cn-beijing.volces.com.evil.io')).toBeUndefined();
  });

  it('rejects names longer than DNS allows without scanning them', () => {
    expect(hit(`${'a.'.repeat(200)}deepseek.com`)).toBeUndefined();
  });
});

describe('model lookup', () => {
  const db = fixtureDatabase();
  const builder = (model: string) => {
    const m = db.lookupModel(model);
    return m && `${m.builder.id}/${m.family.id}${m.by === 'namespace' ? ' (namespace)' : ''}`;
  };

  it('finds the builder from the model name, whatever reseller format wraps it', () => {
    expect(builder('deepseek-chat')).toBe('deepseek/deepseek');
    expect(builder('DeepSeek-R1')).toBe('deepseek/deepseek');
    expect(builder('deepseek/deepseek-chat:free')).toBe('deepseek/deepseek');
    expect(builder('deepseek-ai/DeepSeek-V3')).toBe('deepseek/deepseek');
    expect(builder('accounts/fireworks/models/deepseek-v3')).toBe('deepseek/deepseek');
    expect(builder('publishers/openai/models/gpt-4o')).toBe('openai/gpt');
    expect(builder('models/gpt-4o-mini')).toBe('openai/gpt');
    expect(builder('@cf/mistralai/mistral-7b-instruct-v0.2')).toBe('mistral/mistral');
    expect(builder('us.deepseek.r1-v1:0')).toBe('deepseek/deepseek (namespace)');
    expect(builder('mistral.mistral-large-2402-v1:0')).toBe('mistral/mistral'); // Bedrock vendor that is not a namespace
    expect(builder('eu.mistral.mixtral-8x7b-instruct-v0:1')).toBe('mistral/mistral');
    expect(builder('glm.unknown-thing')).toBeUndefined();
    expect(builder('o1-preview')).toBe('openai/gpt');
    expect(builder('chatgpt-4o-latest')).toBe('openai/gpt');
  });

  it('prefers the longest pattern and keeps open-weight families apart', () => {
    const m = db.lookupModel('openai/gpt-oss-120b');
    expect(m?.family.id).toBe('gpt-oss');
    expect(m?.family.openWeights).toBe(true);
    expect(db.lookupModel('gpt-4o')?.family.openWeights).toBe(false);
  });

  it('falls back to the namespace only when the name is not known', () => {
    expect(builder('deepseek-ai/some-new-thing')).toBe('deepseek/deepseek (namespace)');
    expect(builder('mistralai/deepseek-r1-distill')).toBe('deepseek/deepseek');
  });

  it('says nothing for unknown or empty names', () => {
    for (const m of ['', '   ', '/', 'llama-3', 'unknownorg/unknown-model', 'chatgpt-4o', 'x'.repeat(10_000)]) expect(builder(m), m).toBeUndefined();
  });
});
