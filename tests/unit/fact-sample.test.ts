/** The second reader's sample (scripts/database/fact-sample.ts): new facts only, seeded, every stratum drawn. */
import { describe, expect, it } from 'vitest';
import { factsOf, newFacts, sampleFacts, stratumOf } from '../../scripts/database/fact-sample.ts';
import { validateDatabase } from '../../src/core/database/validate-database.ts';
import { fixtureFiles, providerFile, TODAY } from './fixture-database.ts';

const before = validateDatabase(
  (() => {
    const files = fixtureFiles();
    files.providers = files.providers.filter((p) => !p.file.endsWith('/unsure.json') && !p.file.endsWith('/lonely.json'));
    providerFile(files, 'deepseek').operator.country = 'US';
    return files;
  })(),
  TODAY,
);
const after = validateDatabase(fixtureFiles(), TODAY);

describe('fact sample', () => {
  it('lists the facts a change added or altered, and nothing it kept', () => {
    const added = newFacts(before, after).map((f) => `${f.kind} ${f.subject} ${f.claim}`);
    expect(added).toEqual(
      expect.arrayContaining([
        'country deepseek Hangzhou DeepSeek Artificial Intelligence Co., Ltd.: CN',
        'host unsure-draw.example unsure/unsure-draw (chat)',
        'host lonely.example lonely/lonely-app (chat)',
        'operator lonely Lonely Ltd',
      ]),
    );
    expect(added.some((f) => f.startsWith('host chat.deepseek.com'))).toBe(false);
    expect(added.some((f) => f.startsWith('operator deepseek '))).toBe(false);
    expect(newFacts(after, after)).toEqual([]);
  });

  it('draws the same sample for the same seed, a different one for another, from every stratum', () => {
    const facts = factsOf(after.providers);
    const a = sampleFacts(facts, 8, 1);
    expect(sampleFacts(facts, 8, 1)).toEqual(a);
    expect(sampleFacts(facts, 8, 2)).not.toEqual(a);
    const strata = new Set(facts.map(stratumOf));
    expect(new Set(a.map(stratumOf))).toEqual(strata);
    expect(strata).toContain('host (not yet verified)');
    expect(new Set(a.map((f) => `${f.kind}${f.subject}`)).size).toBe(a.length);
  });
});
