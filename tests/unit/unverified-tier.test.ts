/**
 * The not-yet-verified tier (docs/data.md "Recognised before verified"): a provider whose hosts
 * are sourced but whose operator is not confirmed is recognised, rated `unknown`, named with
 * "who runs it is not yet verified", blockable by name and never given a country.
 */
import { describe, expect, it } from 'vitest';
import { formatResult } from '../../scripts/scan/format.ts';
import { productTargets } from '../../src/core/block-scope.ts';
import { compileBlockRules } from '../../src/core/block-rules.ts';
import { databaseStats } from '../../src/core/database/database-stats.ts';
import { cardFactsOf } from '../../src/core/fact-card/card-facts.ts';
import { stillToConfirm } from '../../src/core/fact-card/still-to-confirm.ts';
import { describeFindings, providerLabel } from '../../src/core/facts.ts';
import { effectiveSettings } from '../../src/core/policy-merge.ts';
import { productRisk } from '../../src/core/product-risk.ts';
import type { RiskDatabase } from '../../src/core/risk-database.ts';
import { tabReport } from '../../src/core/tab-report.ts';
import { applyPageSeen, applySightings, type TabState } from '../../src/core/tab-state.ts';
import { verdictFor } from '../../src/core/verdict.ts';
import { docId } from './helpers.ts';
import { fixtureDatabase, problemsOf, providerFile, refIn } from './fixture-database.ts';
import { tEn, tZh } from './locale.ts';

const db = fixtureDatabase();
const P = 'tests/fixtures/database/providers';

const tabOn = (d: RiskDatabase, host: string): TabState =>
  applyPageSeen(undefined, { tabId: 1, frameId: 0, url: `https://${host}/`, host, doc: docId('a'), now: 1 }, refIn(d, host))!;

describe('not-yet-verified providers', () => {
  it('are recognised by host, rated unknown, with no operator or country', () => {
    const match = db.lookupHost('www.unsure-draw.example')!;
    expect(match.provider.id).toBe('unsure');
    const risk = productRisk(db, match.provider, match.product);
    expect(risk).toMatchObject({ level: 'unknown', factors: [], unverified: { missing: ['operator', 'country'] } });
  });

  it('stay at least unknown with low facts, and keep a worse known fact (never lowered)', () => {
    const withData = (countries: string[]) =>
      fixtureDatabase((f) => {
        providerFile(f, 'unsure').dataLocations = { countries, source: { url: 'https://example.org/x', reviewed: '2026-11-01' } };
      });
    const riskWith = (countries: string[]) => {
      const d = withData(countries);
      const m = d.lookupHost('unsure-draw.example')!;
      return productRisk(d, m.provider, m.product).level;
    };
    expect(riskWith(['FR'])).toBe('unknown');
    expect(riskWith(['CN'])).toBe('high');
  });

  it('are named in sentences with what is not yet verified, in both languages', () => {
    const [finding] = describeFindings(db, tabOn(db, 'unsure-draw.example'), tEn);
    expect(finding).toMatchObject({ providerName: 'Unsure Draw', level: 'unknown', unverified: { missing: ['operator', 'country'] } });
    expect(finding!.operator).toBeUndefined();
    expect(finding!.reason).toMatch(/who runs it, and under which country's law, is not yet confirmed/);
    expect(providerLabel(finding!, tEn)).toBe('Unsure Draw (who runs it is not yet verified)');
    expect(verdictFor([finding!], tEn)?.sentence).toBe('This page is Unsure Draw (who runs it is not yet verified).');
    const [zh] = describeFindings(db, tabOn(db, 'unsure-draw.example'), tZh);
    expect(providerLabel(zh!, tZh)).toBe('Unsure Draw（运营方尚未核实）');
    expect(stillToConfirm(finding!.unverified!, tEn)).toBe('who runs it and its country');
    expect(stillToConfirm(finding!.unverified!, tZh)).toBe('运营方和所在国家');
  });

  it('are reported as recognised providers without a country, in the scanner report too', () => {
    const state = applySightings(tabOn(db, 'news.example.com'), [{ kind: 'request', host: 'api.unsure-draw.example', frameId: 0, channel: 'fetch', ...refIn(db, 'api.unsure-draw.example')! }], 5);
    const report = tabReport(db, state, tEn);
    const [finding] = report.findings.filter((f) => f.host === 'api.unsure-draw.example');
    expect(finding).toMatchObject({ provider: { id: 'unsure', name: 'Unsure Draw', unverified: true }, product: { id: 'unsure-draw', role: 'api' }, level: 'unknown' });
    expect(finding!.provider).not.toHaveProperty('country');
    const text = formatResult({ url: 'https://news.example.com/', finalUrl: 'https://news.example.com/', level: report.level, findings: report.findings, timedOut: false }, 10_000);
    expect(text).toContain('Unsure Draw (who runs it is not yet verified)');
    expect(text).not.toMatch(/Unsure Draw \((China|United States|Unknown)/);
  });

  it('can be blocked by name, by a level rule that reaches unknown, never by a country', () => {
    const target = productTargets(db).find((t) => t.providerId === 'unsure')!;
    expect(target).toMatchObject({ countries: [], level: 'unknown', hosts: ['unsure-draw.example', 'api.unsure-draw.example'] });
    const byName = compileBlockRules(effectiveSettings({ mode: 'block', blockedProviders: ['unsure'] }, {}), db, 'chrome-extension://x/blocked.html');
    // One rule domain covers its subdomains (api.unsure-draw.example).
    expect(byName.rules.flatMap((r) => r.condition.requestDomains ?? [])).toContain('unsure-draw.example');
    const byCountry = compileBlockRules(effectiveSettings({ mode: 'block', blockedCountries: ['CN', 'US', 'GB', 'FR', 'SG', 'IE'] }, {}), db, 'chrome-extension://x/blocked.html');
    expect(byCountry.rules.flatMap((r) => r.condition.requestDomains ?? [])).not.toContain('unsure-draw.example');
  });

  it('show "not yet verified" as the operator fact of a card, and count in the statistics', () => {
    expect(cardFactsOf(db, { providerId: 'unsure', productId: 'unsure-draw' })[0]).toEqual({ field: 'operator', value: 'Not yet verified' });
    expect(databaseStats(db)).toMatchObject({ unverifiedProviders: 1, unverifiedProducts: 1 });
  });
});

describe('validation of the tier', () => {
  it('accepts a file without an operator only with an `unverified` block that says so', () => {
    expect(problemsOf(() => {})).toEqual([]);
    expect(problemsOf((f) => delete providerFile(f, 'unsure').unverified)).toEqual([`${P}/unsure.json: provider "unsure": operator: missing (who runs the service)`]);
    expect(problemsOf((f) => (providerFile(f, 'unsure').unverified.missing = ['parent']))).toEqual([
      `${P}/unsure.json: provider "unsure": unverified.missing: must include "operator" when the file names no operator`,
    ]);
  });

  it('names a bad value, a missing note, a future date, and facts the file contradicts', () => {
    expect(
      problemsOf((f) => {
        const u = providerFile(f, 'unsure').unverified;
        u.missing = ['operator', 'owner', 'operator'];
        delete u.note;
        u.reviewed = '2099-01-01';
        u.extra = 1;
      }),
    ).toEqual([
      `${P}/unsure.json: provider "unsure": unverified.extra: unknown field (allowed: missing, note, reviewed)`,
      `${P}/unsure.json: provider "unsure": unverified.missing[1]: "owner" must be one of operator, country, parent`,
      `${P}/unsure.json: provider "unsure": unverified.missing: lists a fact twice`,
      `${P}/unsure.json: provider "unsure": unverified.note: missing or empty`,
      `${P}/unsure.json: provider "unsure": unverified.reviewed: 2099-01-01 is in the future`,
    ]);
    expect(
      problemsOf((f) => {
        const deepseek = providerFile(f, 'deepseek');
        deepseek.unverified = { missing: ['operator', 'country'], note: 'x', reviewed: '2026-11-01' };
      }),
    ).toEqual([
      `${P}/deepseek.json: provider "deepseek": unverified.missing: says "operator" is missing, but the file names one (remove one of them)`,
      `${P}/deepseek.json: provider "deepseek": unverified.missing: says "country" is missing, but the file names an operator with its country`,
    ]);
  });

  it('refuses a product that names its own operator under an unverified provider', () => {
    expect(
      problemsOf((f) => {
        providerFile(f, 'unsure').products[0].operator = { name: 'X Ltd', country: 'GB', source: { url: 'https://example.org/x', reviewed: '2026-11-01' } };
      }),
    ).toEqual([
      `${P}/unsure.json: provider "unsure": products[0].operator: a not-yet-verified provider has no operator: a product cannot name its own (confirm it at the top and remove "unverified")`,
    ]);
  });

  it('lets a provider with a confirmed operator say only its parent is still unconfirmed', () => {
    expect(
      problemsOf((f) => {
        providerFile(f, 'deepseek').unverified = { missing: ['parent'], note: 'The owner is not confirmed.', reviewed: '2026-11-01' };
      }),
    ).toEqual([]);
    const d = fixtureDatabase((f) => {
      providerFile(f, 'deepseek').unverified = { missing: ['parent'], note: 'The owner is not confirmed.', reviewed: '2026-11-01' };
    });
    const m = d.lookupHost('chat.deepseek.com')!;
    // The operator's country still counts: unconfirmed ownership never lowers a known high level.
    expect(productRisk(d, m.provider, m.product).level).toBe('high');
  });
});
