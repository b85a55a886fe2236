/**
 * npm run bench (part 3): how long compiling the block decisions into declarativeNetRequest rules
 * takes, and how many rules come out, as the number of blocked providers grows: 10, 1,000 (the
 * database padded with synthetic providers of 3 hosts each) and the whole bundled database (every
 * provider and every country blocked). Rule counts must stay inside the browsers' budgets
 * (constants.ts); the script exits non-zero if one does not.
 */
import { fileURLToPath } from 'node:url';
import { compileBlockRules } from '../src/core/block-rules.ts';
import { compileDatabase } from '../src/core/database/compile-database.ts';
import { DYNAMIC_RULE_BUDGET, REGEX_RULE_BUDGET, UNSAFE_RULE_BUDGET } from '../src/core/constants.ts';
import { effectiveSettings } from '../src/core/policy-merge.ts';
import type { Provider } from '../src/core/provider.ts';
import { RiskDatabase } from '../src/core/risk-database.ts';
import { policyDatabase } from '../src/core/policy-database.ts';
import type { ExtraProvider, Policy, UserSettings } from '../src/core/settings.ts';
import { loadDatabase } from './database/load-sources.ts';

const BLOCK_PAGE = 'chrome-extension://hofljlealgfffmimlaplffoimjjmhckp/blocked.html';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function withProviders(compiled: ReturnType<typeof loadDatabase>, total: number): RiskDatabase {
  const template = compiled.providers[0]!;
  const extra: Provider[] = [];
  for (let i = compiled.providers.length; i < total; i++) {
    const hosts = ['api', 'chat', 'cdn'].map((h) => ({ host: `${h}.synthetic${i}.example`, role: 'api' as const, source: template.products[0]!.hosts[0]!.source }));
    extra.push({ ...template, id: `synthetic-${i}`, models: [], products: [{ id: `synthetic-${i}-api`, name: 'Synthetic', hosts }] });
  }
  const source = { providers: [...compiled.providers], jurisdictions: Object.values(compiled.jurisdictions), laws: Object.values(compiled.laws) };
  return new RiskDatabase(compileDatabase(source, extra));
}

function measure(label: string, bundled: RiskDatabase, user: Partial<UserSettings>, policy: Policy = {}): boolean {
  const settings = effectiveSettings(user, policy);
  const db = policyDatabase(bundled, settings);
  const times: number[] = [];
  let result = compileBlockRules(settings, db, BLOCK_PAGE);
  for (let round = 0; round < 7; round++) {
    // A fresh database object per round: nothing cached from the round before.
    const fresh = new RiskDatabase(db.compiled);
    const start = performance.now();
    result = compileBlockRules(settings, fresh, BLOCK_PAGE);
    times.push(performance.now() - start);
  }
  const { rules, regexRules, unsafeRules, hosts } = result.stats;
  const within = rules <= DYNAMIC_RULE_BUDGET && regexRules <= REGEX_RULE_BUDGET && unsafeRules <= UNSAFE_RULE_BUDGET && result.problems.length === 0;
  console.log(
    `  ${label.padEnd(58)} ${median(times).toFixed(2).padStart(8)} ms  ${String(rules).padStart(5)} rules  ${String(regexRules).padStart(4)} regex  ${String(unsafeRules).padStart(4)} redirects  ${String(hosts).padStart(6)} hosts${within ? '' : '  OVER BUDGET'}`,
  );
  return within;
}

function main(): void {
  const compiled = loadDatabase(process.env.AJG_DATA_DIR ?? fileURLToPath(new URL('../src/data', import.meta.url)));
  const db = new RiskDatabase(compiled);
  const ids = db.providers.map((p) => p.id);
  const countries = Object.keys(compiled.jurisdictions);
  const big = withProviders(compiled, 1000);
  const bigIds = big.providers.map((p) => p.id);
  const sites = Array.from({ length: 10_000 }, (_, i) => `site${i}.example.com`);
  const extras: ExtraProvider[] = Array.from({ length: 500 }, (_, i) => ({
    id: `corp-${i}`,
    name: `Internal service ${i}`,
    country: 'DE',
    hosts: Array.from({ length: 100 }, (_, h) => `h${h}.svc${i}.corp.example`),
  }));
  console.log(`block rule compile, median of 7 (budgets: ${DYNAMIC_RULE_BUDGET} rules, ${REGEX_RULE_BUDGET} regex, ${UNSAFE_RULE_BUDGET} redirects), node ${process.version}`);
  const ok = [
    measure('10 providers blocked', db, { blockedProviders: ids.slice(0, 10) }),
    measure('1,000 providers blocked (database + 901 synthetic)', big, { blockedProviders: bigIds }),
    measure(`whole database: ${ids.length} providers + ${countries.length} countries`, db, { blockedProviders: ids, blockedCountries: countries, blockLevel: 'low' }),
    measure('largest: both tiers, 10,000 sites each, 500 extras × 100 hosts', db, { blockedProviders: ids, blockedCountries: countries, blockLevel: 'low', blockedSites: sites, allowedSites: sites.slice(0, 5000) }, {
      extraProviders: extras,
      blockedProviders: [...ids, ...extras.map((e) => e.id)],
      blockedCountries: countries,
      blockLevel: 'low',
      blockedSites: sites,
      allowedSites: sites,
      allowedProviders: ids.slice(0, 20),
    }),
  ].every(Boolean);
  if (!ok) process.exitCode = 1;
}

main();
