/** docs/catalog.md is the database as a page: it must say what src/data says now. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogMarkdown } from '../../scripts/database/catalog-markdown.ts';
import { loadDatabase } from '../../scripts/database/load-sources.ts';
import { RiskDatabase } from '../../src/core/risk-database.ts';
import { FIXTURE_DIR } from './fixture-database.ts';

describe('docs/catalog.md', () => {
  it('is up to date with src/data (npm run -s catalog rewrites it)', () => {
    const expected = catalogMarkdown(new RiskDatabase(loadDatabase('src/data')));
    const actual = readFileSync('docs/catalog.md', 'utf8');
    // One readable failure instead of a 200 KB diff.
    expect(actual === expected, 'docs/catalog.md is stale: run npm run -s catalog').toBe(true);
  });

  it('names operator, parent, tier, levels, hosts and sources, without breaking its tables', () => {
    const text = catalogMarkdown(new RiskDatabase(loadDatabase(FIXTURE_DIR)));
    expect(text).toContain('## DeepSeek (`deepseek`)');
    expect(text).toMatch(/- Operator: \[Hangzhou DeepSeek Artificial Intelligence Co\., Ltd\., China\]\(https:\/\/example\.org\/fixture\) \(reviewed 2026-11-01\)/);
    expect(text).toContain('- Operator: **not yet verified**');
    expect(text).toContain('- Not yet verified (operator, country; tried 2026-11-01): The fixture site names no company');
    expect(text).toMatch(/\| Unsure Draw \| unknown \| `unsure-draw\.example` chat<br>`api\.unsure-draw\.example` api \| not stated \| not stated \|/);
    expect(text).toMatch(/\| Cici<br>run by \[SPRING \(SG\) PTE\. LTD\., Singapore\]/);
    // Every table row has the header's five cells.
    for (const row of text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| product'))) expect(row.split(/(?<!\\)\|/).length - 2, row).toBe(5);
  });
});
