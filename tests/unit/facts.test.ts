import { describe, expect, it } from 'vitest';
import { database } from '../../src/core/database.ts';
import { describeFindings, factsFor } from '../../src/core/facts.ts';
import type { RiskDatabase } from '../../src/core/provider.ts';
import { tabOf } from './helpers.ts';

describe('facts of a finding', () => {
  it('come from the database when shown', () => {
    expect(factsFor(database, { providerId: 'deepseek', productId: 'deepseek-chat', role: 'chat' })).toMatchObject({
      providerName: 'DeepSeek',
      productName: 'DeepSeek Chat',
      operator: { country: 'CN' },
      level: 'high',
    });
  });

  it('follow a change of the database without touching stored state', () => {
    const state = tabOf('chat.deepseek.com');
    const rerated: RiskDatabase = { ...database, jurisdictions: database.jurisdictions.map((j) => (j.country === 'CN' ? { ...j, level: 'medium' } : j)) };
    expect(describeFindings(database, state)[0]?.level).toBe('high');
    expect(describeFindings(rerated, state)[0]?.level).toBe('medium');
  });

  it('are "unknown" for a country without a rating, never "low"', () => {
    const unrated: RiskDatabase = { ...database, jurisdictions: database.jurisdictions.filter((j) => j.country !== 'CN') };
    expect(describeFindings(unrated, tabOf('chat.deepseek.com'))[0]).toMatchObject({ level: 'unknown', reason: '' });
  });

  it('drop a finding whose entry left the database', () => {
    const without: RiskDatabase = { ...database, providers: database.providers.filter((p) => p.id !== 'deepseek') };
    expect(describeFindings(without, tabOf('chat.deepseek.com'))).toEqual([]);
  });
});
