import { describe, expect, it } from 'vitest';
import { describeFindings, factsFor } from '../../src/core/facts.ts';
import { applyPageSeen, type TabState } from '../../src/core/tab-state.ts';
import { type DatabaseFiles } from '../../src/core/database/validate-database.ts';
import type { RiskDatabase } from '../../src/core/risk-database.ts';
import { docId } from './helpers.ts';
import { tEn } from './locale.ts';
import { fixtureDatabase, refIn } from './fixture-database.ts';

const db = fixtureDatabase();
const tabIn = (d: RiskDatabase, host: string): TabState =>
  applyPageSeen(undefined, { tabId: 1, frameId: 0, url: `https://${host}/`, host, doc: docId('a'), now: 1 }, refIn(d, host))!;

const withJurisdiction = (cc: string, edit: (j: Record<string, unknown>) => void) => (files: DatabaseFiles) =>
  edit(files.jurisdictions.find((f) => f.file.endsWith(`/${cc}.json`))!.data as Record<string, unknown>);

describe('facts of a finding', () => {
  it('come from the database when shown, with the factor that decided the level', () => {
    expect(factsFor(db, { providerId: 'deepseek', productId: 'deepseek-chat', role: 'chat' })).toMatchObject({
      providerName: 'DeepSeek',
      productName: 'DeepSeek Chat',
      operator: { country: 'CN' },
      level: 'high',
      decidedBy: { kind: 'operator', country: 'CN' },
      reason: 'Fixture reason for CN.',
    });
  });

  it('name the parent company when it decides the level', () => {
    expect(factsFor(db, refIn(db, 'www.ciciai.com')!)).toMatchObject({
      operator: { name: 'SPRING (SG) PTE. LTD.', country: 'SG' },
      parent: { name: 'ByteDance Ltd.', country: 'CN' },
      level: 'high',
      decidedBy: { kind: 'parent', country: 'CN' },
    });
  });

  it('follow a change of the database without touching stored state', () => {
    const state = tabIn(db, 'chat.deepseek.com');
    const rerated = fixtureDatabase(withJurisdiction('CN', (j) => (j.level = 'medium')));
    expect(describeFindings(db, state, tEn)[0]?.level).toBe('high');
    expect(describeFindings(rerated, state, tEn)[0]?.level).toBe('medium');
  });

  it('drop a finding whose entry left the database, or whose product moved to another provider', () => {
    const state = tabIn(db, 'chat.deepseek.com');
    expect(describeFindings(fixtureDatabase((f) => (f.providers = f.providers.filter((p) => !p.file.endsWith('/deepseek.json')))), state, tEn)).toEqual([]);
    expect(factsFor(db, { providerId: 'openai', productId: 'deepseek-chat', role: 'chat' })).toBeUndefined();
  });
});
