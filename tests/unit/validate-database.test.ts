import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DatabaseFiles, DatabaseError, isKnownCountryCode, reviewDateProblem, validateDatabase } from '../../src/core/database/validate-database.ts';
import { readSources } from '../../scripts/database/load-sources.ts';
import { fixtureFiles, problemsOf, providerFile, TODAY } from './fixture-database.ts';

const P = 'tests/fixtures/database/providers';

const jurisdictionFile = (files: DatabaseFiles, cc: string) => files.jurisdictions.find((f) => f.file.endsWith(`/${cc}.json`))!.data as Record<string, any>;

describe('risk database validation', () => {
  it('accepts the fixture database', () => {
    const db = validateDatabase(fixtureFiles(), TODAY);
    expect(db.providers.map((p) => p.id)).toContain('deepseek');
    expect(db.laws.length).toBeGreaterThan(0);
  });

  it('names file, entry and field of a missing source', () => {
    expect(problemsOf((f) => delete providerFile(f, 'deepseek').operator.source)).toEqual([
      `${P}/deepseek.json: provider "deepseek": operator.source: missing (every fact needs a source URL and a review date)`,
    ]);
    expect(problemsOf((f) => delete providerFile(f, 'openai').products[1].hosts[0].source.url)).toEqual([
      `${P}/openai.json: provider "openai": products[1].hosts[0].source.url: missing or empty`,
    ]);
  });

  it('rejects a bad review date and a non-https source', () => {
    expect(
      problemsOf((f) => {
        jurisdictionFile(f, 'US').source = { url: 'http://example.org', reviewed: '21/11/2026' };
      }),
    ).toEqual([
      'tests/fixtures/database/jurisdictions/US.json: jurisdiction US: source.url: "http://example.org" is not an https URL',
      'tests/fixtures/database/jurisdictions/US.json: jurisdiction US: source.reviewed: "21/11/2026" is not valid',
    ]);
  });

  it('rejects review dates that are not calendar dates or lie in the future', () => {
    const problems = problemsOf((f) => {
      providerFile(f, 'deepseek').operator.source.reviewed = '2026-02-31';
      providerFile(f, 'openai').operator.source.reviewed = '2099-01-01';
    });
    expect(problems).toEqual([
      `${P}/deepseek.json: provider "deepseek": operator.source.reviewed: 2026-02-31 is not a calendar date`,
      `${P}/openai.json: provider "openai": operator.source.reviewed: 2099-01-01 is in the future`,
    ]);
    expect(reviewDateProblem('2024-02-29', '2026-11-21')).toBeUndefined();
    expect(reviewDateProblem('2026-11-22', '2026-11-21')).toBeUndefined(); // one day of time-zone slack
    expect(reviewDateProblem('2026-11-23', '2026-11-21')).toBe('2026-11-23 is in the future');
  });

  it('rejects an unknown country code wherever a country is named', () => {
    const problems = problemsOf((f) => {
      providerFile(f, 'openai').operator.country = 'XX';
      providerFile(f, 'bytedance').products[0].parent.country = 'UK';
      providerFile(f, 'deepseek').dataLocations.countries = ['CN', 'ZZ'];
    });
    expect(problems).toEqual([
      `${P}/bytedance.json: provider "bytedance": products[0].parent.country: "UK" is not an ISO 3166-1 country code`,
      `${P}/deepseek.json: provider "deepseek": dataLocations.countries[1]: "ZZ" is not an ISO 3166-1 country code`,
      `${P}/openai.json: provider "openai": operator.country: "XX" is not an ISO 3166-1 country code`,
    ]);
    expect(['CN', 'US', 'FR', 'IL', 'KR', 'GB'].every(isKnownCountryCode)).toBe(true);
    expect(['XX', 'ZZ', 'EU', 'UK', 'cn', 'CHN', ''].some(isKnownCountryCode)).toBe(false);
  });

  it('rejects a host claimed by two products, in the same or another file', () => {
    expect(problemsOf((f) => (providerFile(f, 'mistral').products[0].hosts[0].host = 'chat.deepseek.com'))).toEqual([
      `${P}/mistral.json: provider "mistral": products[0].hosts[0].host: host chat.deepseek.com is already claimed by deepseek/deepseek-chat`,
    ]);
    expect(problemsOf((f) => (providerFile(f, 'openai').products[1].hosts[0].host = 'chatgpt.com'))).toEqual([
      `${P}/openai.json: provider "openai": products[1].hosts[0].host: host chatgpt.com is already claimed by openai/openai-chatgpt`,
    ]);
  });

  it('rejects invalid host patterns, saying why', () => {
    const cases: Record<string, string> = {
      '*.com': 'must keep its last two labels fixed (a * there would claim a whole suffix)',
      'chat.*': 'must keep its last two labels fixed (a * there would claim a whole suffix)',
      'https://chat.deepseek.com': 'must be a host only (no scheme, port or path)',
      'chat.deepseek.com/api': 'must be a host only (no scheme, port or path)',
      'chat.deepseek.com:443': 'must be a host only (no scheme, port or path)',
      'Chat.DeepSeek.com': 'must be lower case',
      deepseek: 'needs at least two labels',
      'a..b.com': 'has an empty or invalid label (letters, digits, dashes; or * for one whole label)',
      '-x.com': 'has an empty or invalid label (letters, digits, dashes; or * for one whole label)',
      'ch*t.deepseek.com': 'has an empty or invalid label (letters, digits, dashes; or * for one whole label)',
      'deepseek.com.': 'has an empty or invalid label (letters, digits, dashes; or * for one whole label)',
      'deepseek.c0m': 'does not end in a top-level domain',
      ' deepseek.com': 'contains white space',
    };
    for (const [host, why] of Object.entries(cases)) {
      expect(problemsOf((f) => (providerFile(f, 'deepseek').products[0].hosts[0].host = host)), host).toEqual([
        `${P}/deepseek.json: provider "deepseek": products[0].hosts[0].host: ${JSON.stringify(host)} ${why}`,
      ]);
    }
  });

  it('rejects unknown fields, so that a typo cannot drop a fact silently', () => {
    expect(problemsOf((f) => (providerFile(f, 'deepseek').operater = {}))).toEqual([
      `${P}/deepseek.json: provider "deepseek": operater: unknown field (allowed: id, name, kinds, products, models, routing, builderRouting, unverified, notFound, operator, parent, noParent, regionalEntities, dataLocations, trainsOnInputs, retention, privacyPolicy, terms)`,
    ]);
  });

  it('needs a jurisdiction for every country a provider sits in, and laws that exist', () => {
    const problems = problemsOf((f) => {
      providerFile(f, 'mistral').parent = { name: 'Example Holding AG', country: 'CH', source: { url: 'https://example.org/x', reviewed: '2026-11-01' } };
      jurisdictionFile(f, 'FR').laws = ['fr-fixture-law', 'eu-missing-law'];
    });
    expect(problems).toEqual([
      'tests/fixtures/database/jurisdictions/FR.json: jurisdiction FR: laws[1]: law "eu-missing-law" is not defined in src/data/laws',
      `${P}/mistral.json: provider "mistral": parent.country: CH has no jurisdiction file (src/data/jurisdictions/CH.json)`,
    ]);
  });

  it('needs every law to say what it grants (state access, state rules or data protection)', () => {
    const lawsOf = (f: DatabaseFiles) => (f.laws[0]!.data as { laws: Array<Record<string, unknown>> }).laws;
    const problems = problemsOf((f) => {
      delete lawsOf(f)[0]!.kind;
      lawsOf(f)[1]!.kind = 'privacy';
    });
    expect(problems).toEqual([
      'tests/fixtures/database/laws/fixture.json: law "cn-fixture-law": kind: undefined must be one of state-access, state-rules, data-protection',
      'tests/fixtures/database/laws/fixture.json: law "sg-fixture-law": kind: "privacy" must be one of state-access, state-rules, data-protection',
    ]);
    // Compiled as written, for the laws list to order by.
    const db = validateDatabase(fixtureFiles(), TODAY);
    expect(db.laws.find((l) => l.id === 'cn-fixture-law')?.kind).toBe('state-access');
    expect(db.laws.find((l) => l.id === 'sg-fixture-law')?.kind).toBe('data-protection');
  });

  it('takes an opt-out of training only as a boolean, and only where training is on by default', () => {
    const problems = problemsOf((f) => {
      providerFile(f, 'deepseek').trainsOnInputs.optOut = 'yes';
      providerFile(f, 'mistral').trainsOnInputs = { byDefault: false, optOut: true, source: { url: 'https://example.org/x', reviewed: '2026-11-01' } };
    });
    expect(problems).toEqual([
      `${P}/deepseek.json: provider "deepseek": trainsOnInputs.optOut: must be true or false`,
      `${P}/mistral.json: provider "mistral": trainsOnInputs.optOut: only with byDefault: true (inputs are not used for training by default)`,
    ]);
    expect(problemsOf((f) => void (providerFile(f, 'deepseek').trainsOnInputs.optOut = true))).toEqual([]);
  });

  it('takes training by plan: a known tier, each once, and the main statement naming its own tier', () => {
    const src = { url: 'https://example.org/x', reviewed: '2026-11-01' };
    const problems = problemsOf((f) => {
      providerFile(f, 'deepseek').trainsOnInputs = { ...providerFile(f, 'deepseek').trainsOnInputs, tier: 'consumer', otherTiers: [{ tier: 'api', byDefault: false, source: src }, { tier: 'api', byDefault: false, source: src }] };
      providerFile(f, 'mistral').trainsOnInputs = { byDefault: true, source: src, otherTiers: [{ tier: 'pro', byDefault: false, optOut: true, source: src }] };
    });
    expect(problems).toEqual([
      `${P}/deepseek.json: provider "deepseek": trainsOnInputs.otherTiers[1].tier: "api" is stated twice`,
      `${P}/mistral.json: provider "mistral": trainsOnInputs.otherTiers[0].tier: "pro" must be one of consumer, business, api`,
      `${P}/mistral.json: provider "mistral": trainsOnInputs.otherTiers[0].optOut: only with byDefault: true (inputs are not used for training by default)`,
      `${P}/mistral.json: provider "mistral": trainsOnInputs.tier: missing (with otherTiers, say which plan the main statement is about)`,
    ]);
    expect(problemsOf((f) => void (providerFile(f, 'deepseek').trainsOnInputs = { byDefault: true, optOut: true, tier: 'consumer', source: src, otherTiers: [{ tier: 'business', byDefault: false, source: src }] }))).toEqual([]);
  });

  it('takes "no parent" as a sourced fact apart from a parent, retention in whole days, and searches only for facts not stated', () => {
    const src = { url: 'https://example.org/x', reviewed: '2026-11-01' };
    const problems = problemsOf((f) => {
      providerFile(f, 'bytedance').products[0].noParent = { source: src };
      providerFile(f, 'mistral').noParent = { note: 'founders' };
      providerFile(f, 'mistral').retention = { note: 'kept 30 days', days: 30.5, source: src };
      providerFile(f, 'deepseek').notFound = [
        { field: 'operator', searched: 'x', reviewed: '2026-11-01' },
        { field: 'retention', searched: 'its privacy policy', reviewed: '2026-11-01' },
        { field: 'retention', searched: 'its terms', reviewed: '2026-11-01' },
        { field: 'trainsOnInputs', searched: 'its terms', reviewed: '2026-11-01' },
      ];
    });
    expect(problems).toEqual([
      `${P}/bytedance.json: provider "bytedance": products[0].noParent: contradicts "parent" (keep one of them)`,
      `${P}/deepseek.json: provider "deepseek": notFound[0].field: "operator" must be one of parent, dataLocations, trainsOnInputs, retention, privacyPolicy, terms`,
      `${P}/deepseek.json: provider "deepseek": notFound[2].field: "retention" is listed twice`,
      `${P}/deepseek.json: provider "deepseek": notFound[3].field: "trainsOnInputs" is stated in the file: it cannot be not found (remove one of them)`,
      `${P}/mistral.json: provider "mistral": noParent.source: missing (every fact needs a source URL and a review date)`,
      `${P}/mistral.json: provider "mistral": retention.days: 30.5 is not a whole number of days`,
    ]);
  });

  it('fails the build when what a high-risk verdict cites has no Chinese text, and names each gap', () => {
    const problems = problemsOf((f) => {
      const laws = (f.laws[0]!.data as { laws: Array<Record<string, any>> }).laws;
      delete laws[0]!.summaries;
      delete laws[0]!.articles[0]!.gists;
      laws[0]!.officialName = '中华人民共和国夹具法';
      delete laws[0]!.names;
      delete jurisdictionFile(f, 'CN').reasons;
    });
    expect(problems).toEqual([
      'jurisdiction CN (high): no Chinese reason (reasons.zh_CN)',
      'law "cn-fixture-law" (cited by CN, high): no Chinese summary (summaries.zh_CN)',
      'law "cn-fixture-law" (cited by CN, high): no Chinese gist of Art. 7 (gists.zh_CN)',
      'law "cn-fixture-law" (cited by CN, high): no official Chinese text cited as the source of its Chinese words (officialText)',
    ]);
    // A law only lower-rated countries cite is reported as coverage, not a failure.
    expect(problemsOf((f) => void delete (f.laws[0]!.data as { laws: Array<Record<string, any>> }).laws[1]!.summaries)).toEqual([]);
  });

  it('takes Chinese text only as Chinese, and no second Chinese name beside a Chinese official one', () => {
    const problems = problemsOf((f) => {
      const laws = (f.laws[0]!.data as { laws: Array<Record<string, any>> }).laws;
      laws[0]!.officialName = '中华人民共和国夹具法';
      laws[0]!.names = { zh_CN: '国家情报法' };
      laws[0]!.summaries = { zh_CN: 'Every organisation must cooperate.' };
      laws[0]!.articles[0]!.gists = { zh_TW: '任何組織' };
      laws[0]!.officialText = { url: 'http://flk.npc.gov.cn/x' };
      jurisdictionFile(f, 'CN').reasons = { zh_CN: '' };
    });
    const L = 'tests/fixtures/database/laws/fixture.json: law "cn-fixture-law"';
    expect(problems).toEqual([
      `${L}: names.zh_CN: repeats the official name, which is already Chinese (remove it)`,
      `${L}: articles[0].gists.zh_TW: unknown field (allowed: zh_CN)`,
      `${L}: summaries.zh_CN: "Every organisation must cooperate." is not Chinese text`,
      `${L}: officialText.url: "http://flk.npc.gov.cn/x" is not an https URL`,
      `${L}: officialText.reviewed: missing or empty`,
      'tests/fixtures/database/jurisdictions/CN.json: jurisdiction CN: reasons.zh_CN: must be a non-empty text',
    ]);
  });

  it('checks ids against file names, aggregators for routing, and model patterns for owners', () => {
    const problems = problemsOf((f) => {
      providerFile(f, 'mistral').id = 'mistral-ai';
      delete providerFile(f, 'together').routing;
      providerFile(f, 'mistral').models[0].patterns.push('deepseek-*');
      jurisdictionFile(f, 'SG').level = 'extreme';
    });
    expect(problems).toEqual([
      'tests/fixtures/database/jurisdictions/SG.json: jurisdiction SG: level: "extreme" must be one of low, medium, high',
      `${P}/mistral.json: provider "mistral-ai": id: must equal the file name ("mistral")`,
      `${P}/mistral.json: provider "mistral-ai": models[0].patterns[2]: model pattern deepseek-* is already claimed by deepseek/deepseek`,
      `${P}/together.json: provider "together": routing: missing (an aggregator must say how requests name the upstream model)`,
    ]);
  });

  it('names a file that is not valid JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ajg-db-'));
    mkdirSync(join(dir, 'providers'));
    writeFileSync(join(dir, 'providers', 'broken.json'), '{ "id": "broken", }');
    expect(() => readSources(dir)).toThrow(/providers\/broken\.json: \(file\): not valid JSON/);
  });
});
