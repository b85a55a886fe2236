/**
 * The deeper facts of a card (issue 15): training by plan, how long inputs are kept, "no parent"
 * as an answer, and ownership taken whole from the product or the provider, never mixed.
 */
import { describe, expect, it } from 'vitest';
import { retentionText } from '../../src/core/fact-card/retention.ts';
import { otherTiersLine, trainingEnglish } from '../../src/core/fact-card/training.ts';
import { operatingFactsOf, productRisk } from '../../src/core/product-risk.ts';
import type { Provider, TrainingUse } from '../../src/core/provider.ts';
import { fixtureDatabase } from './fixture-database.ts';
import { tEn, tZh } from './locale.ts';

const source = { url: 'https://example.org/policy', reviewed: '2026-11-01' };
const chat: TrainingUse = {
  byDefault: true,
  optOut: true,
  tier: 'consumer',
  source,
  otherTiers: [
    { tier: 'business', byDefault: false, source },
    { tier: 'api', byDefault: false, source },
  ],
};

describe('training by plan', () => {
  it('says what the other plans get, in each language', () => {
    expect(otherTiersLine(chat, tEn)).toBe('Business plans: No · API: No');
    expect(otherTiersLine(chat, tZh)).toBe('企业版：否；API：否');
    expect(otherTiersLine({ byDefault: false, source }, tEn)).toBeUndefined();
  });

  it('reports the plan of the main answer and the others in English', () => {
    expect(trainingEnglish(chat)).toBe('Yes, unless the user opts out (consumer plans); business plans: No; API: No');
    expect(trainingEnglish(undefined)).toBe('Not stated');
  });
});

describe('retention', () => {
  const kept = { note: 'API inputs kept up to 30 days for abuse monitoring', days: 30, source };
  it('keeps the provider\'s words in English; a Chinese reader gets the number of days, or that it is stated, not English words', () => {
    expect(retentionText(kept, tEn, 'en')).toBe('API inputs kept up to 30 days for abuse monitoring');
    expect(retentionText(kept, tZh, 'zh-CN')).toBe('30 天');
    expect(retentionText({ note: 'Kept while the account is open', source }, tZh, 'zh-CN')).toBe('提供方有说明（英文原文见来源）');
  });
});

describe('ownership', () => {
  const db = fixtureDatabase();
  const bytedance = db.provider('bytedance')!;

  it('takes "no parent" as a stated answer: the parent is no longer "not stated"', () => {
    const provider: Provider = { ...db.provider('mistral')!, noParent: { source } };
    const risk = productRisk(db, provider, provider.products[0]!);
    expect(risk.notStated).not.toContain('parent');
    expect(productRisk(db, db.provider('mistral')!, db.provider('mistral')!.products[0]!).notStated).toContain('parent');
  });

  it("uses a product's own ownership whole: its \"no parent\" is not topped up with the provider's parent", () => {
    const provider: Provider = { ...bytedance, parent: { name: 'Group Ltd.', country: 'KY', source }, products: bytedance.products.map((p, i) => (i === 1 ? { ...p, noParent: { source } } : p)) };
    const facts = operatingFactsOf(provider, provider.products[1]!);
    expect(facts.parent).toBeUndefined();
    expect(facts.noParent).toEqual({ source });
    expect(operatingFactsOf(provider, provider.products[0]!).parent?.name).toBe('ByteDance Ltd.');
  });
});
