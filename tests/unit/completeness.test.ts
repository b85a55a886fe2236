/** What `npm run -s check-data` reports of the facts (src/core/database/completeness.ts). */
import { describe, expect, it } from 'vitest';
import { completenessLines, completenessOf, staleSources } from '../../src/core/database/completeness.ts';
import { validateDatabase } from '../../src/core/database/validate-database.ts';
import { fixtureFiles, providerFile, TODAY } from './fixture-database.ts';

const source = validateDatabase(fixtureFiles(), TODAY);

describe('database completeness', () => {
  it('counts, per fact, the providers that state it themselves or for every product, and names the rest', () => {
    const rows = completenessOf(source.providers);
    const total = source.providers.length;
    expect(rows.map((r) => r.field)).toEqual(['operator', 'privacyPolicy', 'terms', 'parent', 'dataLocations', 'trainsOnInputs', 'retention']);
    const of = (field: string) => rows.find((r) => r.field === field)!;
    // The not-yet-verified fixture has no operator; every other fixture provider has one.
    expect(of('operator')).toEqual({ field: 'operator', stated: total - 1, notFound: [], total, missing: ['unsure'] });
    // ByteDance states a parent for only one of its two products: not counted. Lonely states data locations.
    expect(of('parent').missing).toContain('bytedance');
    expect(of('dataLocations').missing).not.toContain('lonely');
    expect(of('dataLocations').missing).toContain('unsure');
    for (const r of rows) expect(r.stated + r.notFound.length + r.missing.length).toBe(total);
    expect(completenessLines(rows)[0]).toBe(`  operator confirmed  ${String(total - 1).padStart(4)} of ${total} (${((100 * (total - 1)) / total).toFixed(1)} %)`);
  });

  it('counts a fact every product states, but not one only some products state', () => {
    const edited = fixtureFiles();
    const unsure = providerFile(edited, 'unsure');
    unsure.products.push({ id: 'unsure-two', name: 'Two', hosts: [{ host: 'two.unsure.example', role: 'api', source: { url: 'https://example.org/x', reviewed: '2026-11-01' } }] });
    unsure.products[0].privacyPolicy = { url: 'https://example.org/p', reviewed: '2026-11-01' };
    const some = completenessOf(validateDatabase(edited, TODAY).providers).find((r) => r.field === 'privacyPolicy')!;
    expect(some.missing).toContain('unsure');
    unsure.products[1].privacyPolicy = { url: 'https://example.org/p', reviewed: '2026-11-01' };
    const all = completenessOf(validateDatabase(edited, TODAY).providers).find((r) => r.field === 'privacyPolicy')!;
    expect(all.missing).not.toContain('unsure');
  });

  it('counts "no parent" as the parent stated, and a recorded search apart from what nobody looked at', () => {
    const edited = fixtureFiles();
    const lonely = providerFile(edited, 'lonely');
    lonely.noParent = { note: 'Owned by its founders', source: { url: 'https://example.org/about', reviewed: '2026-11-01' } };
    const unsure = providerFile(edited, 'unsure');
    unsure.notFound = [{ field: 'dataLocations', searched: 'its privacy policy names no country', reviewed: '2026-11-01' }];
    const rows = completenessOf(validateDatabase(edited, TODAY).providers);
    const of = (field: string) => rows.find((r) => r.field === field)!;
    expect(of('parent').missing).not.toContain('lonely');
    expect(of('dataLocations').notFound).toEqual(['unsure']);
    expect(of('dataLocations').missing).not.toContain('unsure');
    expect(completenessLines(rows).find((l) => l.includes('data locations'))).toMatch(/searched, not found 1 · not yet looked at \d+$/);
  });

  it('lists every source reviewed more than a year ago, with where it is', () => {
    expect(staleSources(source, TODAY)).toEqual([]);
    const edited = fixtureFiles();
    providerFile(edited, 'deepseek').operator.source.reviewed = '2025-11-01';
    const stale = staleSources(validateDatabase(edited, TODAY), TODAY);
    expect(stale).toEqual([{ at: 'provider deepseek: operator.source', source: { url: 'https://example.org/fixture', reviewed: '2025-11-01' } }]);
    // The boundary: exactly 365 days is not yet stale.
    expect(staleSources(validateDatabase(edited, TODAY), '2026-11-01')).toEqual([]);
  });
});
