/**
 * npm run bench (second part): what the extension's content scripts cost a page, measured in the
 * same run against the same Debian Chromium without the extension (ratios, not absolute times,
 * are what to compare on a noisy machine). Both browsers run side by side and take turns, round
 * after round; every figure is a median over the rounds, every ratio the ratio of two medians
 * (the JSON line adds `pairedRatio`, the median of the per-round ratios).
 *
 * 1. The call path of the hooked `fetch`: N calls of fetch(url, {method: 'POST', body, signal})
 *    with an already-aborted signal (the promise is made, nothing is sent), for an AI URL with a
 *    2 KB JSON body (the hook parses the URL and reads the body) and for a non-AI URL (the hook's
 *    fast path). Native = the same page in plain Chromium. A second view inside the extension's
 *    page: its hooked window.fetch against the fetch of a same-origin about:blank iframe, where
 *    no content script runs (and, as a control, the same two in plain Chromium). The shipped
 *    build hooks about:blank frames too, so these calls run in a copy whose manifest does not
 *    (referenceBuild); page loads use the shipped build.
 * 2. Page loads in a fresh tab (all responses no-store): an article of ~200 elements, a page that
 *    adds 2,000 elements in batches after load (the DOM watcher sees every batch), and a page
 *    that makes 50 fetches to a non-AI host (the hook and the background's network listener see
 *    each): response start, first page script (after the document_start content scripts),
 *    DOMContentLoaded, load and the page's own "done", from navigation start.
 *
 * Everything is served by a local https server; Chromium maps the hostnames to it and resolves
 * no other name, so nothing reaches the internet. About 35 s on two cores.
 *
 * Environment: BENCH_CATALOG_SCALE (10: also measure a build with a catalog 10 times today's;
 * 1 skips it), BENCH_CALLS (calls per batch, 2000), BENCH_ROUNDS (15), BENCH_LOADS (loads per
 * page and browser, 15), BENCH_DEBUG=1 (every sample on stderr), CHROMIUM_PATH.
 * Exit status 1 when dist/chrome or Chromium is missing, or the hook was not seen working.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TAB_STATE_KEY_PREFIX } from '../src/core/constants.ts';
import { type BenchBrowser, DIST_CHROME, launchBench, missingPrerequisite } from './bench/browsers.ts';
import { buildScaled } from './bench/scaled-build.ts';
import { AI_URL, BENCH_HOSTS, FETCH_PAGE, JSON_BODY, LOAD_PAGES, type LoadPage, NON_AI_URL, resolveBenchResource } from './bench/pages.ts';
import { type BenchServer, startBenchServer } from './bench/server.ts';

/** A positive whole number from the environment, or the default; anything else stops the run. */
function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) {
    console.error(`bench-detection: ${name}=${JSON.stringify(raw)} is not a positive whole number`);
    process.exit(1);
  }
  return n;
}

const CALLS = setting('BENCH_CALLS', 2_000);
/** Slices per batch; the four (function, URL) batches of a round take turns slice by slice. */
const CHUNKS = 4;
const ROUNDS = setting('BENCH_ROUNDS', 15);
const LOADS = setting('BENCH_LOADS', 15);
/** The synthetic catalog's size, in times today's (issue 17: per-frame cost independent of it); 1 skips it. */
const CATALOG_SCALE = setting('BENCH_CATALOG_SCALE', 10);
/** Rounds run first and thrown away (JIT, connections, the browsers' own start-up work). */
const WARMUP_ROUNDS = 3;
const WARMUP_LOADS = 1;

type Which = 'window' | 'iframe';
type UrlKind = 'ai' | 'plain';
type Pair = readonly [Which, UrlKind];
const PLAN: readonly Pair[] = [
  ['window', 'ai'],
  ['iframe', 'ai'],
  ['window', 'plain'],
  ['iframe', 'plain'],
];
const planIndex = (which: Which, kind: UrlKind) => PLAN.findIndex(([w, k]) => w === which && k === kind);

/** µs per call, in PLAN order, of one round in one browser. */
type CallRound = number[];

interface Timing {
  response: number;
  first: number;
  dcl: number;
  load: number;
  done: number | null;
  work: number | null;
  elements: number;
}

/** One round of anything, measured in both browsers back to back. */
interface Paired<T> {
  plain: T;
  extension: T;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round2 = (x: number) => +x.toFixed(2);
const us = (x: number) => `${x.toFixed(2).padStart(8)} µs`;
const ms = (x: number) => `${x.toFixed(1).padStart(8)} ms`;
const times = (x: number) => `${x.toFixed(2).padStart(6)} x`;

/** Alternates which browser goes first, so neither always runs right after the other. */
const inTurn = <T>(turn: number, pair: readonly [T, T]): T[] => (turn % 2 ? [pair[1], pair[0]] : [pair[0], pair[1]]);
const rotated = <T>(xs: readonly T[], by: number): T[] => xs.map((_, i) => xs[(i + by) % xs.length]!);

/** The rounds, and whether the extension recorded the AI calls (read before the pages close). */
async function measureCalls(plain: BenchBrowser, ext: BenchBrowser): Promise<{ rounds: Paired<CallRound>[]; hookActive: boolean }> {
  const pages = new Map<BenchBrowser, Page>();
  for (const b of [plain, ext]) {
    const page = await b.context.newPage();
    await page.goto(FETCH_PAGE, { waitUntil: 'load', timeout: 15_000 });
    pages.set(b, page);
  }
  const rounds: Paired<CallRound>[] = [];
  for (let round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
    const result = new Map<BenchBrowser, CallRound>();
    for (const b of inTurn(round + WARMUP_ROUNDS, [plain, ext] as const)) {
      result.set(b, await pages.get(b)!.evaluate<CallRound>(`window.__benchFetch(${JSON.stringify({ n: CALLS, chunks: CHUNKS, plan: PLAN })})`));
    }
    if (round >= 0) rounds.push({ plain: result.get(plain)!, extension: result.get(ext)! });
  }
  const hookActive = await hookSaw(ext, new URL(AI_URL).hostname);
  for (const page of pages.values()) await page.close();
  return { rounds, hookActive };
}

/** Did the extension record the aborted AI fetches (only its page hook can see them)? */
async function hookSaw(ext: BenchBrowser, host: string): Promise<boolean> {
  const deadline = Date.now() + 5_000;
  do {
    const session = await ext.storedSession();
    const seen = Object.entries(session).some(([k, v]) => k.startsWith(TAB_STATE_KEY_PREFIX) && JSON.stringify(v).includes(`"${host}"`));
    if (seen) return true;
    await new Promise((ok) => setTimeout(ok, 250));
  } while (Date.now() < deadline);
  return false;
}

/**
 * One load in a fresh tab. The page reports its own figures to the server once it is done, so
 * nothing of the benchmark runs in the page meanwhile (Playwright only waits for the commit).
 */
async function loadOnce(server: BenchServer, b: BenchBrowser, url: string): Promise<Timing> {
  const run = randomUUID();
  const report = server.report(run, 15_000);
  const page = await b.context.newPage();
  try {
    await page.goto(`${url}?run=${run}`, { waitUntil: 'commit', timeout: 15_000 });
    return JSON.parse(await report) as Timing;
  } finally {
    report.catch(() => undefined);
    await page.close();
  }
}

/** LOADS fresh-tab loads of every page in both browsers, back to back; page order and browser order rotate. */
async function measureLoads(server: BenchServer, plain: BenchBrowser, ext: BenchBrowser): Promise<Map<LoadPage['id'], Paired<Timing>[]>> {
  const samples = new Map(LOAD_PAGES.map((p) => [p.id, [] as Paired<Timing>[]]));
  for (let round = -WARMUP_LOADS; round < LOADS; round++) {
    const order = rotated(LOAD_PAGES, (round + WARMUP_LOADS) % LOAD_PAGES.length);
    for (const [i, page] of order.entries()) {
      const result = new Map<BenchBrowser, Timing>();
      for (const b of inTurn(round + WARMUP_LOADS + i, [plain, ext] as const)) result.set(b, await loadOnce(server, b, page.url));
      if (round >= 0) samples.get(page.id)!.push({ plain: result.get(plain)!, extension: result.get(ext)! });
    }
  }
  return samples;
}

type ContentScripts = {
  content_scripts?: { world?: string; js?: string[]; match_about_blank?: boolean; match_origin_as_fallback?: boolean }[];
  permissions?: string[];
};

/** A copy of the shipped build with its manifest changed by `edit` (a bench variant; the code is the same). */
function variantBuild(name: string, edit: (manifest: ContentScripts, dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), `ajg-bench-${name}-`));
  cpSync(DIST_CHROME, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as ContentScripts;
  edit(manifest, dir);
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return dir;
}

/**
 * Ablation (BENCH_ABLATION=1, issue 17): where the per-page cost comes from, each variant of the
 * shipped build against plain Chromium in the same run, with the same pages and loads.
 */
/** Replaces the isolated-world script's code with an empty statement: what the world alone costs. */
function emptyIsolated(m: ContentScripts, dir: string): void {
  emptyScripts(m, dir, (c) => c.world !== 'MAIN');
}

function emptyScripts(m: ContentScripts, dir: string, which: (c: NonNullable<ContentScripts['content_scripts']>[number]) => boolean): void {
  for (const c of m.content_scripts ?? []) if (which(c)) for (const file of c.js ?? []) writeFileSync(join(dir, file), ';\n');
}

/**
 * Turns the named webRequest listeners of the service worker into no-ops in a variant copy:
 * `webRequest.onX.addListener(` becomes `webRequest.onX.hasListener(` (same arguments, registers
 * nothing), so each listener's cost can be measured alone.
 */
function withoutListeners(dir: string, events: string[]): void {
  const assets = join(dir, 'assets');
  for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
    const path = join(assets, file);
    const code = readFileSync(path, 'utf8');
    let next = code;
    for (const event of events) next = next.replaceAll(`webRequest.${event}.addListener(`, `webRequest.${event}.hasListener(`);
    if (next !== code) writeFileSync(path, next);
  }
}

const LISTENERS = ['onBeforeRequest', 'onBeforeRedirect', 'onErrorOccurred'];

const ABLATION: [label: string, edit: (m: ContentScripts, dir: string) => void][] = [
  ['shipped build', () => undefined],
  ['no content scripts', (m) => void delete m.content_scripts],
  ['page hook only (MAIN world)', (m) => void (m.content_scripts = m.content_scripts?.filter((c) => c.world === 'MAIN'))],
  ['isolated script only', (m) => void (m.content_scripts = m.content_scripts?.filter((c) => c.world !== 'MAIN'))],
  ['no webRequest listeners', (m) => void (m.permissions = m.permissions?.filter((p) => p !== 'webRequest'))],
  ['only the network observer', (_m, dir) => withoutListeners(dir, LISTENERS.filter((e) => e !== 'onBeforeRequest'))],
  ['only the block audit listeners', (_m, dir) => withoutListeners(dir, ['onBeforeRequest'])],
  ['isolated world, empty script', (m, dir) => {
    m.content_scripts = m.content_scripts?.filter((c) => c.world !== 'MAIN');
    emptyIsolated(m, dir);
  }],
  ['page hook + empty isolated', emptyIsolated],
  // What Chromium itself charges for the two scripts the design needs (a MAIN-world hook and an
  // isolated one, both at document_start in every frame), with none of our code in them.
  ['empty page hook only', (m, dir) => {
    m.content_scripts = m.content_scripts?.filter((c) => c.world === 'MAIN');
    emptyScripts(m, dir, () => true);
  }],
  ['both scripts empty', (m, dir) => emptyScripts(m, dir, () => true)],
];

/** The scripts every frame of every page parses: their size as shipped and gzipped (issue 17). */
function perFrameScripts(dist = DIST_CHROME): Record<string, { bytes: number; gzipBytes: number }> {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const files = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const out: Record<string, { bytes: number; gzipBytes: number }> = {};
  for (const file of files) {
    const content = readFileSync(join(dist, file));
    out[file] = { bytes: content.length, gzipBytes: gzipSync(content).length };
  }
  return out;
}

function printScripts(shipped: ReturnType<typeof perFrameScripts>, scaled: ReturnType<typeof perFrameScripts> | undefined): void {
  console.log(`per-frame scripts (every frame of every page parses them)${scaled ? `: as shipped, and built with a ${CATALOG_SCALE}x catalog` : ''}:`);
  for (const [file, size] of Object.entries(shipped)) {
    const x = scaled?.[file];
    const grown = x ? `   ${CATALOG_SCALE}x catalog ${x.bytes.toLocaleString('en').padStart(9)} B (${x.bytes - size.bytes >= 0 ? '+' : ''}${(x.bytes - size.bytes).toLocaleString('en')} B)` : '';
    console.log(`  ${file.padEnd(32)}${size.bytes.toLocaleString('en').padStart(9)} B   gzip ${size.gzipBytes.toLocaleString('en').padStart(7)} B${grown}`);
  }
}

/**
 * The same pages in the shipped build and in a build of a catalog CATALOG_SCALE times today's
 * size (scripts/bench/scaled-build.ts), taking turns: what a larger catalog adds to every page.
 */
async function measureScaled(server: BenchServer, ext: BenchBrowser, scaledDir: string): Promise<Record<string, unknown>> {
  const scaled = await launchBench('extension', BENCH_HOSTS, server.port, scaledDir);
  try {
    const loads = await measureLoads(server, ext, scaled);
    const out: Record<string, unknown> = {};
    console.log(`${CATALOG_SCALE}x catalog against the shipped build, ${LOADS} loads per page and browser, taking turns; medians`);
    console.log(`  ${''.padEnd(30)}${'first page script'.padStart(30)}${'DOMContentLoaded'.padStart(30)}`);
    for (const page of LOAD_PAGES) {
      const rounds = loads.get(page.id)!;
      // measureLoads calls its first browser "plain": here that is the shipped build.
      const first = compare(rounds, (r) => r.extension.first, (r) => r.plain.first);
      const dcl = compare(rounds, (r) => r.extension.dcl, (r) => r.plain.dcl);
      const cell = (c: ReturnType<typeof compare>) => `${ms(c.b)} → ${ms(c.a)} (${c.a - c.b >= 0 ? '+' : ''}${(c.a - c.b).toFixed(1)} ms)`.padStart(30);
      console.log(`  ${page.label.padEnd(30)}${cell(first)}${cell(dcl)}`);
      out[page.id] = { firstScript: { shippedMs: +first.b.toFixed(1), scaledMs: +first.a.toFixed(1), deltaMs: +(first.a - first.b).toFixed(1) }, domContentLoaded: { shippedMs: +dcl.b.toFixed(1), scaledMs: +dcl.a.toFixed(1), ratio: round2(dcl.ratio) } };
    }
    return out;
  } finally {
    await scaled.close();
  }
}

async function ablation(server: BenchServer, plain: BenchBrowser): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  console.log(`ablation: each variant of the build against plain Chromium, ${LOADS} loads per page and browser; medians, variant / plain`);
  console.log(`  ${''.padEnd(30)}${LOAD_PAGES.map((p) => p.id.padStart(12)).join('')}   (first page script; DOMContentLoaded)`);
  // BENCH_ABLATION=1 runs every variant; any other value only those whose label contains it.
  const only = process.env.BENCH_ABLATION === '1' ? '' : (process.env.BENCH_ABLATION ?? '');
  for (const [label, edit] of ABLATION.filter(([l]) => l.includes(only))) {
    const dir = variantBuild('ablation', edit);
    const variant = await launchBench('extension', BENCH_HOSTS, server.port, dir).catch(async () => {
      // A build without content scripts has no tab state to wait for; any start failure is reported.
      rmSync(dir, { recursive: true, force: true });
      return undefined;
    });
    if (!variant) {
      console.log(`  ${label.padEnd(30)}did not start`);
      continue;
    }
    try {
      const loads = await measureLoads(server, plain, variant);
      const cells: string[] = [];
      const entry: Record<string, unknown> = {};
      for (const page of LOAD_PAGES) {
        const rounds = loads.get(page.id)!;
        const first = compare(rounds, (r) => r.extension.first, (r) => r.plain.first);
        const dcl = compare(rounds, (r) => r.extension.dcl, (r) => r.plain.dcl);
        cells.push(`${first.ratio.toFixed(2)};${dcl.ratio.toFixed(2)}`.padStart(12));
        entry[page.id] = { firstScript: { plainMs: +first.b.toFixed(1), variantMs: +first.a.toFixed(1), ratio: round2(first.ratio) }, domContentLoaded: { plainMs: +dcl.b.toFixed(1), variantMs: +dcl.a.toFixed(1), ratio: round2(dcl.ratio) } };
      }
      console.log(`  ${label.padEnd(30)}${cells.join('')}`);
      out[label] = entry;
    } finally {
      await variant.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

/** Whether a build's MAIN-world script runs in about:blank frames (then an iframe's fetch is hooked too). */
function hooksAboutBlank(dist: string): boolean {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as ContentScripts;
  return (manifest.content_scripts ?? []).some((c) => c.world === 'MAIN' && (c.match_about_blank || c.match_origin_as_fallback));
}

/**
 * The call-path measure compares the hooked window.fetch with the native fetch of an about:blank
 * iframe on the same page. The shipped manifest runs the hook in about:blank frames too (so a
 * page cannot take a clean fetch from one), so that measure loads a copy of the build whose
 * manifest leaves them out: the hook's code is the same file, byte for byte.
 */
function referenceBuild(): string {
  return variantBuild('reference', (manifest) => {
    for (const c of manifest.content_scripts ?? []) {
      delete c.match_about_blank;
      delete c.match_origin_as_fallback;
    }
  });
}

/**
 * Medians of a and b over the rounds and their ratio; `paired` is the median of the per-round
 * ratios a/b (each round's a and b measured back to back), in the JSON line only.
 */
function compare<T>(rounds: T[], a: (r: T) => number | null, b: (r: T) => number | null): { a: number; b: number; ratio: number; paired: number } {
  const both = rounds.flatMap((r) => {
    const x = a(r);
    const y = b(r);
    return x === null || y === null ? [] : [[x, y] as const];
  });
  const ma = median(both.map(([x]) => x));
  const mb = median(both.map(([, y]) => y));
  return { a: ma, b: mb, ratio: ma / mb, paired: median(both.map(([x, y]) => x / y)) };
}

/**
 * BENCH_VERSUS=<build dir>: the shipped build (or BENCH_VERSUS_BASE=<build dir>) against another build of the extension (a change
 * being tried, or an older commit's dist/chrome), paired loads in one run. For finding out whether
 * a change of a millisecond or two per frame helps, which the ratios to plain Chromium are too
 * noisy to show. Not part of `npm run bench`.
 */
async function versus(server: BenchServer, otherDist: string, open: BenchBrowser[]): Promise<void> {
  const base = process.env.BENCH_VERSUS_BASE ?? DIST_CHROME;
  const shipped = await launchBench('extension', BENCH_HOSTS, server.port, base);
  open.push(shipped);
  const other = await launchBench('extension', BENCH_HOSTS, server.port, otherDist);
  open.push(other);
  const loads = await measureLoads(server, shipped, other);
  console.log(`${LOADS} loads per page and build, medians: ${base} → ${otherDist}`);
  for (const page of LOAD_PAGES) {
    const rounds = loads.get(page.id)!;
    const kinds = (['first', 'dcl', 'load', 'response', 'work'] as const).filter((k) => rounds.some((r) => r.plain[k] !== null));
    const cells = kinds.map((k) => {
      const c = compare(rounds, (r) => r.extension[k], (r) => r.plain[k]);
      return `${k} ${c.b.toFixed(1)} → ${c.a.toFixed(1)} ms (${(c.a - c.b).toFixed(1)}, paired ${c.paired.toFixed(2)}x)`;
    });
    console.log(`  ${page.id.padEnd(10)}${cells.join('; ')}`);
  }
}

async function main(): Promise<void> {
  const missing = missingPrerequisite();
  if (missing) {
    console.error(`bench-detection: ${missing}`);
    process.exit(1);
  }
  const reference = referenceBuild();
  const aboutBlankHooked = hooksAboutBlank(reference);
  const started = Date.now();
  const server = await startBenchServer(resolveBenchResource);
  const open: BenchBrowser[] = [];
  try {
    if (process.env.BENCH_VERSUS) {
      await versus(server, process.env.BENCH_VERSUS, open);
      return;
    }
    const plain = await launchBench('plain', BENCH_HOSTS, server.port);
    open.push(plain);
    if (process.env.BENCH_ABLATION_ONLY) {
      // Only the ablation, for finding causes quickly (not what `npm run bench` reports).
      console.log(JSON.stringify({ ablation: await ablation(server, plain) }));
      return;
    }
    const ext = await launchBench('extension', BENCH_HOSTS, server.port);
    open.push(ext);
    const extReference = await launchBench('extension', BENCH_HOSTS, server.port, reference);
    open.push(extReference);

    const { rounds: calls, hookActive } = await measureCalls(plain, extReference);
    if (process.env.BENCH_DEBUG) console.error(`calls measured after ${Math.round((Date.now() - started) / 1000)} s`);
    const loads = await measureLoads(server, plain, ext);

    if (process.env.BENCH_DEBUG) {
      for (const [i, p] of PLAN.entries()) for (const k of ['plain', 'extension'] as const) console.error(k, p.join(':'), calls.map((r) => r[k][i]!.toFixed(1)).join(' '));
      for (const [id, rounds] of loads) {
        for (const k of ['plain', 'extension'] as const) console.error(id, k, 'first', rounds.map((r) => r[k].first.toFixed(0)).join(' '), '| dcl', rounds.map((r) => r[k].dcl.toFixed(0)).join(' '), '| done', rounds.map((r) => r[k].done?.toFixed(0) ?? '-').join(' '));
      }
    }

    const call = (k: keyof Paired<CallRound>, which: Which, kind: UrlKind) => (r: Paired<CallRound>) => r[k][planIndex(which, kind)]!;
    const kinds: [UrlKind, 'ai' | 'nonAi', string, string][] = [
      ['ai', 'ai', `AI URL + ${JSON_BODY.length.toLocaleString('en')}-char JSON body`, AI_URL],
      ['plain', 'nonAi', 'non-AI URL', NON_AI_URL],
    ];

    const fetchJson: Record<string, unknown> = { calls: CALLS, rounds: ROUNDS };
    console.log(
      `fetch call path: ${CALLS.toLocaleString('en')} fetch() calls per batch with an already-aborted signal, ${ROUNDS} rounds, plain and extension Chromium ${ext.version} taking turns; medians`,
    );
    for (const [kind, name, label, url] of kinds) {
      const c = compare(calls, call('extension', 'window', kind), call('plain', 'window', kind));
      console.log(`  ${label} (${url})`);
      console.log(`    native, plain Chromium  ${us(c.b)} per call`);
      console.log(`    hooked, extension       ${us(c.a)} per call`);
      console.log(`    hooked / native         ${times(c.ratio)}`);
      fetchJson[name] = { nativeUs: round2(c.b), hookedUs: round2(c.a), ratio: round2(c.ratio), pairedRatio: round2(c.paired) };
    }
    console.log(
      `same page in extension Chromium: window.fetch (hooked) against the fetch of an about:blank iframe (${aboutBlankHooked ? 'BUT the manifest runs the hook in about:blank frames' : 'no content script runs there: a copy of the build whose manifest leaves about:blank frames out, same hook'}), slices interleaved`,
    );
    const samePage: Record<string, unknown> = {};
    for (const [kind, name, label] of kinds) {
      const c = compare(calls, call('extension', 'window', kind), call('extension', 'iframe', kind));
      const control = compare(calls, call('plain', 'window', kind), call('plain', 'iframe', kind));
      console.log(`  ${label.padEnd(30)} hooked ${us(c.a)}   native ${us(c.b)}   hooked / native ${times(c.ratio)}   (plain Chromium, both native: ${times(control.ratio)})`);
      samePage[name] = { hookedUs: round2(c.a), nativeUs: round2(c.b), ratio: round2(c.ratio), pairedRatio: round2(c.paired), plainControl: round2(control.ratio) };
    }
    fetchJson.samePage = samePage;
    fetchJson.hookActive = hookActive;
    console.log(`  hook active: ${hookActive ? "yes, the aborted calls to api.openai.com are in the extension's tab state" : 'NO, the extension recorded none of the AI calls: the figures above do not measure the hook'}`);

    const loadJson: Record<string, unknown> = { loads: LOADS };
    console.log(`page load in a fresh tab, no-store responses: ${LOADS} loads per page and browser, back to back, taking turns; medians in ms from navigation start`);
    console.log(`  ${''.padEnd(52)}${'plain'.padStart(11)}  ${'extension'.padStart(11)}   extension / plain   extension − plain`);
    type Metric = [label: string, key: string, pick: (t: Timing) => number | null];
    for (const page of LOAD_PAGES) {
      const rounds = loads.get(page.id)!;
      const rows: Metric[] = [
        ['response start', 'responseStart', (t) => t.response],
        ['first page script', 'firstScript', (t) => t.first],
        ['DOMContentLoaded', 'domContentLoaded', (t) => t.dcl],
        ['load', 'load', (t) => t.load],
      ];
      if (page.doneLabel) rows.push([page.doneLabel, 'done', (t) => t.done]);
      if (page.workLabel) rows.push([page.workLabel, 'work', (t) => t.work]);
      const elements = rounds[0]?.plain.elements ?? 0;
      const entry: Record<string, unknown> = { elements };
      rows.forEach(([metric, jsonKey, pick], i) => {
        const c = compare(rounds, (r) => pick(r.extension), (r) => pick(r.plain));
        const name = i === 0 ? (page.id === 'article' ? `article, ${elements} elements` : page.label) : '';
        console.log(`  ${name.padEnd(30)}${metric.padEnd(22)}${ms(c.b)}  ${ms(c.a)}   ${times(c.ratio)}   ${`${c.a - c.b >= 0 ? '+' : ''}${(c.a - c.b).toFixed(1)} ms`.padStart(17)}`);
        entry[jsonKey] = { plainMs: +c.b.toFixed(1), extensionMs: +c.a.toFixed(1), ratio: round2(c.ratio), pairedRatio: round2(c.paired) };
      });
      loadJson[page.id] = entry;
    }
    const scripts = perFrameScripts();
    const scaledDir = CATALOG_SCALE > 1 ? buildScaled(CATALOG_SCALE) : undefined;
    const scaledScripts = scaledDir ? perFrameScripts(scaledDir) : undefined;
    printScripts(scripts, scaledScripts);
    const scaledLoads = scaledDir ? await measureScaled(server, ext, scaledDir) : undefined;
    const ablated = process.env.BENCH_ABLATION ? await ablation(server, plain) : undefined;
    console.log(JSON.stringify({ chromium: ext.version, fetchCall: fetchJson, pageLoad: loadJson, perFrameScripts: scripts, ...(scaledScripts ? { catalogScale: CATALOG_SCALE, scaledPerFrameScripts: scaledScripts, scaledPageLoad: scaledLoads } : {}), ...(ablated ? { ablation: ablated } : {}), seconds: Math.round((Date.now() - started) / 1000) }));
    if (!hookActive || aboutBlankHooked) process.exitCode = 1;
  } finally {
    for (const b of open) await b.close();
    await server.close();
    rmSync(reference, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench-detection: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
