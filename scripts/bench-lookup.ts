/**
 * npm run bench: host lookup speed of the compiled database against a naive scan of every entry,
 * measured in the same run (ratios, not absolute times, are what to compare on a noisy machine).
 *
 * 1. 1,000,000 hostnames (a third listed hosts, a third subdomains of them, a third misses and
 *    look-alikes) through RiskDatabase.lookupHost and through a scan of all host patterns; both
 *    must give the same answer for every name. The look-up is timed over a working set of the
 *    first BENCH_WORKING_SET (10,000) names, cycled to a million calls (issue 17: ≤ 150 ns).
 * 2. Growth: the database cut to its first 500 host patterns, then padded with synthetic hosts to
 *    50,000 (names that never match anything real). The same 50,000 names, drawn from the 500,
 *    through both: the compiled lookup should stay flat (issue 17: at most 1.2 times) while the
 *    scan grows with the entries. The scan also checks the answers at both sizes; at 50,000 it
 *    checks fewer names (BENCH_CHECK_BIG, default 5,000) to stay within seconds.
 */
import { fileURLToPath } from 'node:url';
import { type CompiledDatabase, compileDatabase } from '../src/core/database/compile-database.ts';
import { normalizeHostname } from '../src/core/hostname.ts';
import type { Provider } from '../src/core/provider.ts';
import { RiskDatabase } from '../src/core/risk-database.ts';
import { loadDatabase } from './database/load-sources.ts';
import { seededRandom } from './seeded-random.ts';

const N = Number(process.env.BENCH_N ?? 1_000_000);
/** Distinct names the timed look-ups cycle through (BENCH_WORKING_SET). */
const WORKING_SET = Number(process.env.BENCH_WORKING_SET ?? 10_000);
const SMALL = 500;
const BIG = 50_000;
const GROWTH_NAMES = 50_000;
const CHECK_BIG = Number(process.env.BENCH_CHECK_BIG ?? 5_000);
/** A round of the growth part is short (50,000 look-ups): many, alternating, keep a burst of load from deciding the ratio. */
const GROWTH_ROUNDS = 15;

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

/** The database with only its first providers, as many as fit in `max` host patterns. */
function truncated(db: CompiledDatabase, max: number): CompiledDatabase {
  const providers: Provider[] = [];
  let count = 0;
  for (const p of db.providers) {
    const n = p.products.reduce((sum, q) => sum + q.hosts.length, 0);
    if (count + n > max) continue;
    providers.push(p);
    count += n;
  }
  return compileDatabase({ providers, jurisdictions: Object.values(db.jurisdictions), laws: Object.values(db.laws) });
}

/** `db` with synthetic providers added until it has exactly `target` host patterns. */
function padded(db: CompiledDatabase, target: number): CompiledDatabase {
  const source = { providers: [...db.providers], jurisdictions: Object.values(db.jurisdictions), laws: Object.values(db.laws) };
  const template = db.providers[0]!;
  for (let i = 0, count = patternsOf(db).length; count < target; i++) {
    const length = Math.min(10, target - count);
    const hosts = Array.from({ length }, (_, k) => ({ host: `h${k}.synthetic${i}.example`, role: 'api' as const, source: template.products[0]!.hosts[0]!.source }));
    const provider: Provider = { ...template, id: `synthetic-${i}`, models: [], products: [{ id: `synthetic-${i}-api`, name: 'Synthetic', hosts }] };
    source.providers.push(provider);
    count += length;
  }
  return compileDatabase(source);
}

function differences(names: string[], lookup: (h: string) => string | undefined, naive: (h: string) => string | undefined): number {
  let n = 0;
  for (const name of names) if (lookup(name) !== naive(name)) n++;
  return n;
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

  // Timed over a working set the size of a busy browser's recent hostnames, as flat strings (a
  // name reaches the look-up straight from the URL parser): a million distinct template-literal
  // names (~40 MB) measured memory, not the look-up. Every name was checked above.
  const workingSet = JSON.parse(JSON.stringify(names.slice(0, WORKING_SET))) as string[];
  const repeated = (lookup: (h: string) => unknown) => {
    let total = 0;
    for (let done = 0; done < N; done += workingSet.length) total += time(workingSet, lookup);
    return total / Math.ceil(N / workingSet.length);
  };
  const rounds = 3;
  const fastNs = median(Array.from({ length: rounds }, () => repeated(fast)));
  const naiveNs = time(names.slice(0, 20_000), naive);

  const base = truncated(compiled, SMALL);
  const small = padded(base, SMALL);
  const big = padded(base, BIG);
  const smallDb = new RiskDatabase(small);
  const bigDb = new RiskDatabase(big);
  const smallPatterns = patternsOf(small);
  const bigPatterns = patternsOf(big);
  const sample = hostnames(patternsOf(base), Math.min(N, GROWTH_NAMES));
  const fastSmall = (h: string) => smallDb.lookupHost(h)?.host.host;
  const fastBig = (h: string) => bigDb.lookupHost(h)?.host.host;
  const naiveSmall = naiveScanner(smallPatterns);
  const naiveBig = naiveScanner(bigPatterns);
  const bigCheck = sample.slice(0, CHECK_BIG);
  const mismatchesSmall = differences(sample, fastSmall, naiveSmall);
  const mismatchesBig = differences(bigCheck, fastBig, naiveBig);
  // Alternate the two sizes, so that a burst of load on the machine falls on both.
  const smallRuns: number[] = [];
  const bigRuns: number[] = [];
  for (let r = 0; r < GROWTH_ROUNDS; r++) {
    smallRuns.push(time(sample, fastSmall));
    bigRuns.push(time(sample, fastBig));
  }
  const fastSmallNs = median(smallRuns);
  const fastBigNs = median(bigRuns);
  const naiveSmallNs = time(bigCheck, naiveSmall);
  const naiveBigNs = time(bigCheck, naiveBig);

  console.log(`host lookup, ${N.toLocaleString('en')} hostnames (${matched.toLocaleString('en')} in the database), ${patterns.length} host patterns, node ${process.version}`);
  console.log(`  compiled lookup     ${fmt(fastNs)} per lookup (median of ${rounds} rounds)`);
  console.log(`  naive scan          ${fmt(naiveNs)} per lookup`);
  console.log(`  speed-up            ${(naiveNs / fastNs).toFixed(0).padStart(9)} x`);
  console.log(`  answers that differ ${String(mismatches).padStart(9)}`);
  console.log(`growth with the number of entries (${sample.length.toLocaleString('en')} names; ${smallPatterns.length.toLocaleString('en')} → ${bigPatterns.length.toLocaleString('en')} patterns):`);
  console.log(`  compiled lookup     ${fmt(fastSmallNs)} → ${fmt(fastBigNs)}  (x${(fastBigNs / fastSmallNs).toFixed(2)}, median of ${GROWTH_ROUNDS} rounds each)`);
  console.log(`  naive scan          ${fmt(naiveSmallNs)} → ${fmt(naiveBigNs)}  (x${(naiveBigNs / naiveSmallNs).toFixed(2)}, ${bigCheck.length.toLocaleString('en')} names)`);
  console.log(`  answers that differ ${String(mismatchesSmall).padStart(9)} → ${String(mismatchesBig).padStart(9)}     (${sample.length.toLocaleString('en')} → ${bigCheck.length.toLocaleString('en')} names)`);
  console.log(
    JSON.stringify({
      lookups: N,
      patterns: patterns.length,
      compiledNs: +fastNs.toFixed(1),
      naiveNs: +naiveNs.toFixed(1),
      mismatches,
      growth: {
        patterns: [smallPatterns.length, bigPatterns.length],
        compiledNs: [+fastSmallNs.toFixed(1), +fastBigNs.toFixed(1)],
        compiled: +(fastBigNs / fastSmallNs).toFixed(2),
        naiveNs: [+naiveSmallNs.toFixed(1), +naiveBigNs.toFixed(1)],
        naive: +(naiveBigNs / naiveSmallNs).toFixed(2),
        mismatches: [mismatchesSmall, mismatchesBig],
      },
    }),
  );
  if (mismatches + mismatchesSmall + mismatchesBig > 0) process.exitCode = 1;
}

main();
