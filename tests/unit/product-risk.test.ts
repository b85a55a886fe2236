import { describe, expect, it } from 'vitest';
import { productRisk } from '../../src/core/product-risk.ts';
import { fixtureDatabase } from './fixture-database.ts';

describe('product risk', () => {
  const db = fixtureDatabase();
  const riskOf = (productId: string, levelOf?: (c: string) => 'low' | 'medium' | 'high' | undefined) => {
    const found = db.product(productId)!;
    return productRisk(db, found.provider, found.product, levelOf);
  };

  it('is the level of the operator country when that is all we know', () => {
    expect(riskOf('mistral-le-chat')).toEqual({
      level: 'low',
      factors: [{ kind: 'operator', entity: 'Mistral AI SAS', country: 'FR', level: 'low', reason: 'Fixture reason for FR.', laws: ['fr-fixture-law'] }],
      notStated: ['parent', 'dataLocations', 'trainsOnInputs'],
    });
  });

  it('counts the parent company: a Singapore operator with a Chinese parent is high', () => {
    const risk = riskOf('bytedance-cici');
    expect(risk.level).toBe('high');
    expect(risk.factors.map((f) => `${f.kind} ${f.country} ${f.level}`)).toEqual(['operator SG medium', 'parent CN high']);
  });

  it('counts regional entities and data locations, and never lowers a level for them', () => {
    expect(riskOf('openai-chatgpt').factors.map((f) => `${f.kind} ${f.country} ${f.level}`)).toEqual(['operator US medium', 'regional-entity IE low']);
    expect(riskOf('openai-chatgpt').level).toBe('medium');
    expect(riskOf('deepseek-chat')).toMatchObject({ level: 'high', notStated: ['parent'] });
  });

  it('is unknown where a deciding country has no rating, rather than low', () => {
    const risk = riskOf('lonely-app');
    expect(risk.factors.map((f) => `${f.kind} ${f.country} ${f.level}`)).toEqual(['operator GB low', 'data-location BR unknown']);
    expect(risk.level).toBe('unknown');
  });

  it('takes per-country levels from a policy when one is given', () => {
    expect(riskOf('bytedance-cici', (c) => (c === 'CN' ? 'medium' : undefined)).level).toBe('medium');
    expect(riskOf('mistral-le-chat', () => 'high').level).toBe('high');
  });
});
