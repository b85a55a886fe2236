import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatabaseError, isKnownCountryCode, reviewDateProblem, validateDatabase } from '../../src/core/validate-database.ts';

const read = (name: string) => ({ file: `src/data/${name}`, data: JSON.parse(readFileSync(`src/data/${name}`, 'utf8')) });
const real = () => ({ providers: read('providers.json'), jurisdictions: read('jurisdictions.json') });

function problemsOf(mutate: (files: ReturnType<typeof real>) => void): string[] {
  const files = real();
  mutate(files);
  try {
    validateDatabase(files);
  } catch (error) {
    if (error instanceof DatabaseError) return error.problems;
    throw error;
  }
  return [];
}

describe('risk database validation', () => {
  it('accepts the bundled database', () => {
    const db = validateDatabase(real());
    expect(db.providers.length).toBeGreaterThan(0);
    expect(db.jurisdictions.length).toBeGreaterThan(0);
  });

  it('names file, entry and field of a missing source', () => {
    expect(problemsOf((f) => delete f.providers.data.providers[0].operator.source)).toEqual([
      'src/data/providers.json: provider "deepseek": operator.source: missing (every fact needs a source URL and a review date)',
    ]);
  });

  it('rejects a bad review date and a non-https source', () => {
    const problems = problemsOf((f) => {
      f.jurisdictions.data.jurisdictions[1].source = { url: 'http://example.org', reviewed: '21/11/2026' };
    });
    expect(problems).toEqual([
      'src/data/jurisdictions.json: jurisdictions[1]: source.url: "http://example.org" is not an https URL',
      'src/data/jurisdictions.json: jurisdictions[1]: source.reviewed: "21/11/2026" is not valid',
    ]);
  });

  it('rejects review dates that are not calendar dates or lie in the future', () => {
    const problems = problemsOf((f) => {
      f.providers.data.providers[0].operator.source.reviewed = '2026-02-31';
      f.providers.data.providers[1].operator.source.reviewed = '2099-01-01';
    });
    expect(problems).toEqual([
      'src/data/providers.json: provider "deepseek": operator.source.reviewed: 2026-02-31 is not a calendar date',
      'src/data/providers.json: provider "openai": operator.source.reviewed: 2099-01-01 is in the future',
    ]);
    expect(reviewDateProblem('2024-02-29', '2026-11-21')).toBeUndefined();
    expect(reviewDateProblem('2026-11-22', '2026-11-21')).toBeUndefined(); // one day of time-zone slack
    expect(reviewDateProblem('2026-11-23', '2026-11-21')).toBe('2026-11-23 is in the future');
  });

  it('rejects an unknown country code', () => {
    expect(problemsOf((f) => (f.providers.data.providers[1].operator.country = 'XX'))).toEqual([
      'src/data/providers.json: provider "openai": operator.country: "XX" is not an ISO 3166-1 country code',
    ]);
    expect(['CN', 'US', 'FR', 'IL', 'KR'].every(isKnownCountryCode)).toBe(true);
    expect(['XX', 'ZZ', 'EU', 'cn', 'CHN', ''].some(isKnownCountryCode)).toBe(false);
  });

  it('rejects a host claimed twice', () => {
    expect(problemsOf((f) => (f.providers.data.providers[2].products[0].hosts[0].host = 'chat.deepseek.com'))).toEqual([
      'src/data/providers.json: provider "mistral": products[0].hosts[0].host: chat.deepseek.com is already claimed by deepseek/deepseek-chat',
    ]);
  });

  it('rejects invalid host patterns', () => {
    for (const host of ['*.deepseek.com', 'https://chat.deepseek.com', 'Chat.DeepSeek.com', 'deepseek', 'a..b.com', '-x.com']) {
      expect(problemsOf((f) => (f.providers.data.providers[0].products[0].hosts[0].host = host))).toEqual([
        `src/data/providers.json: provider "deepseek": products[0].hosts[0].host: ${JSON.stringify(host)} is not valid`,
      ]);
    }
  });

  it('reports every problem at once, not only the first', () => {
    const problems = problemsOf((f) => {
      f.providers.data.providers[0].name = '';
      f.jurisdictions.data.jurisdictions[0].level = 'extreme';
    });
    expect(problems).toHaveLength(2);
  });
});
