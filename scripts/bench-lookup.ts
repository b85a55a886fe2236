/**
 * npm run bench: host lookup speed of the compiled database against a naive scan of every entry,
 * measured in the same run (ratios, not absolute times, are what to compare on a noisy machine).
 *
 * 1. 1,000,000 hostnames (a third listed hosts, a third subdomains of them, a third misses and
 *    look-alikes) through RiskDatabase.lookupHost and through a scan of all host patterns; both
 *    must give the same answer for every name.
 * 2. The same with the database padded to 16 times as many hosts: the compiled lookup should stay
 *    flat while the scan grows with the entries.
 */
import { fileURLToPath } from 'node:url';
import { type CompiledDatabase, compileDatabase } from '../src/core/database/compile-database.ts';
import { normalizeHostname } from '../src/core/hostname.ts';
import type { Provider } from '../src/core/provider.ts';
import { RiskDatabase } from '../src/core/risk-database.ts';
import { loadDatabase } from './database/load-sources.ts';
import { seededRandom } from './seeded-random.ts';

const N = Number(process.env.BENCH_N ?? 1_000_000);
const SCALE = 16;

function patternsOf(db: CompiledDatabase): string[] {
  return db.providers.flatMap((p) => p.products.flatMap((q) => q.hosts.map((h) => h.host)));
}

function hostnames(patterns: string[], n: number): string[] {
  const random = seededRandom(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const concrete = patterns.map((p) => p.replaceAll('*', 'us-east-1'));
  const words = ['news', 'shop', 'mail', 'cdn', 'static', 'app', 'portal', 'docs', 'blog', 'img'];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind = i % 3;
    const host = pick(concrete);
    if (kind === 0) out.push(host);
    else if (kind === 1) out.push(`${pick(words)}${i % 97}.${host}`);
    else {
      const r = random();
      if (r < 0.25) out.push(`not${host}`);
      else if (r < 0.5) out.push(`${host}.evil${i % 89}.io`);
      else out.push(`${pick(words)}.example${i % 9973}.${pick(['com', 'org', 'net', 'de', 'cn'])}`);
    }
  }
  return out;
}

/** The baseline: every pattern checked against every name; the longest match wins. */
function naiveScanner(patterns: string[]) {
  const entries = patterns.map((p) => ({
    p,
    labels: p.split('.').length,
    wild: p.includes('*'),
    re: p.includes('*') ? new RegExp(`(?:^|\\.)${p.replaceAll('.', '\\.').replaceAll('*', '[^.]+')}$`) : undefined,
  }));
  return (hostname: string): string | undefined => {
    const h = normalizeHostname(hostname);
    let best: (typeof entries)[number] | undefined;
    for (const e of entries) {
      const hit = e.re ? e.re.test(h) : h === e.p || h.endsWith(`.${e.p}`);
      // Most labels covered wins; a plain host beats a `*` pattern of the same length.
      if (hit && (!best || e.labels > best.labels || (e.labels === best.labels && best.wild && !e.wild))) best = e;
    }
    return best?.p;
  };
}

function time(names: string[], lookup: (h: string) => unknown): number {
  let sink = 0;
  const start = process.hrtime.bigint();
  for (const name of names) if (lookup(name) !== undefined) sink++;
  const ns = Number(process.hrtime.bigint() - start);
  if (sink < 0) console.log(sink);
  return ns / names.length;
}

function padded(db: CompiledDatabase, factor: number): CompiledDatabase {
  const source = { providers: [...db.providers], jurisdictions: Object.values(db.jurisdictions), laws: Object.values(db.laws) };
  const template = db.providers[0]!;
  const target = patternsOf(db).length * factor;
  for (let i = 0, count = patternsOf(db).length; count < target; i++, count += 10) {
    const hosts = Array.from({ length: 10 }, (_, k) => ({ host: `h${k}.synthetic${i}.example`, role: 'api' as const, source: template.products[0]!.hosts[0]!.source }));
    const provider: Provider = { ...template, id: `synthetic-${i}`, models: [], products: [{ id: `synthetic-${i}-api`, name: 'Synthetic', hosts }] };
    source.providers.push(provider);
  }
  return compileDatabase(source);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ns: number) => `${ns.toFixed(1).padStart(9)} ns`;

function main(): void {
  const compiled = loadDatabase(process.env.AJG_DATA_DIR ?? fileURLToPath(new URL('../src/data', import.meta.url)));
  const db = new RiskDatabase(compiled);
  const patterns = patternsOf(compiled);
  const names = hostnames(patterns, N);
  const naive = naiveScanner(patterns);
  const fast = (h: string) => db.lookupHost(h)?.host.host;

  // Same answers, every name.
  let mismatches = 0;
  for (const name of names) if (fast(name) !== naive(name)) mismatches++;
  const matched = names.filter((h) => fast(h) !== undefined).length;

  const rounds = 3;
  const fastNs = median(Array.from({ length: rounds }, () => time(names, fast)));
  const naiveNs = time(names, naive);

  const big = padded(compiled, SCALE);
  const bigDb = new RiskDatabase(big);
  const bigPatterns = patternsOf(big);
  const sample = names.slice(0, Math.min(N, 50_000));
  const fastSmallNs = median(Array.from({ length: rounds }, () => time(sample, fast)));
  const fastBigNs = median(Array.from({ length: rounds }, () => time(sample, (h) => bigDb.lookupHost(h)?.host.host)));
  const naiveSmallNs = time(sample, naive);
  const naiveBigNs = time(sample, naiveScanner(bigPatterns));

  console.log(`host lookup, ${N.toLocaleString('en')} hostnames (${matched.toLocaleString('en')} in the database), ${patterns.length} host patterns, node ${process.version}`);
  console.log(`  compiled lookup     ${fmt(fastNs)} per lookup (median of ${rounds} rounds)`);
  console.log(`  naive scan          ${fmt(naiveNs)} per lookup`);
  console.log(`  speed-up            ${(naiveNs / fastNs).toFixed(0).padStart(9)} x`);
  console.log(`  answers that differ ${String(mismatches).padStart(9)}`);
  console.log(`growth with the number of entries (${sample.length.toLocaleString('en')} names; ${patterns.length} → ${bigPatterns.length} patterns):`);
  console.log(`  compiled lookup     ${fmt(fastSmallNs)} → ${fmt(fastBigNs)}  (x${(fastBigNs / fastSmallNs).toFixed(2)})`);
  console.log(`  naive scan          ${fmt(naiveSmallNs)} → ${fmt(naiveBigNs)}  (x${(naiveBigNs / naiveSmallNs).toFixed(2)})`);
  console.log(
    JSON.stringify({ lookups: N, patterns: patterns.length, compiledNs: +fastNs.toFixed(1), naiveNs: +naiveNs.toFixed(1), mismatches, growth: { entries: SCALE, compiled: +(fastBigNs / fastSmallNs).toFixed(2), naive: +(naiveBigNs / naiveSmallNs).toFixed(2) } }),
  );
  if (mismatches > 0) process.exitCode = 1;
}

main();
