/**
 * Where a frame's start-up time goes, timed inside the content scripts (issue 17): a copy of a
 * build whose two per-frame scripts record performance.now() at their first and last statement,
 * loaded N times on the bench's article page. Prints medians, in ms from navigation start:
 * when the page hook starts, how long it runs, the gap until the isolated script starts (the
 * isolated world's creation), how long that runs, and when the page's first script runs.
 *
 *   tsx scripts/bench/start-timing.ts [dist-dir ...]   (default dist/chrome; BENCH_LOADS, default 30)
 *
 * Much less noisy than page-load ratios for a change of a millisecond in the scripts' start;
 * a development tool, not part of `npm run bench`. The marks are attributes on the root element
 * of the page, so they are only for this copy of the build.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_CHROME, launchBench } from './browsers.ts';
import { BENCH_HOSTS, LOAD_PAGES, resolveBenchResource } from './pages.ts';
import { startBenchServer } from './server.ts';

const LOADS = Number(process.env.BENCH_LOADS ?? 30);

type Manifest = { content_scripts?: { world?: string; js?: string[] }[] };

/** Wraps one script so it marks `<name>0` and `<name>1` on the root element (the mark itself costs about a microsecond). */
function instrument(dir: string, file: string, name: string): void {
  const path = join(dir, file);
  const code = readFileSync(path, 'utf8');
  const mark = (suffix: string) => `document.documentElement&&document.documentElement.setAttribute('data-${name}${suffix}',String(performance.now()));`;
  writeFileSync(path, `var __ajgT0=performance.now();${code}\n;${mark('1')}document.documentElement&&document.documentElement.setAttribute('data-${name}0',String(__ajgT0));\n`);
}

function instrumentedCopy(dist: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ajg-start-timing-'));
  cpSync(dist, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  for (const c of manifest.content_scripts ?? []) for (const file of c.js ?? []) instrument(dir, file, c.world === 'MAIN' ? 'h' : 'i');
  return dir;
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

async function main(): Promise<void> {
  const dists = process.argv.slice(2);
  const server = await startBenchServer(resolveBenchResource);
  const page = LOAD_PAGES.find((p) => p.id === 'article')!;
  try {
    for (const dist of dists.length ? dists : [DIST_CHROME]) {
      const dir = instrumentedCopy(dist);
      const b = await launchBench('extension', BENCH_HOSTS, server.port, dir);
      try {
        const rows: Record<string, number>[] = [];
        for (let i = -3; i < LOADS; i++) {
          const tab = await b.context.newPage();
          await tab.goto(page.url, { waitUntil: 'load' });
          // A string, not a function: tsx would add helpers the page does not have.
          const row = await tab.evaluate<Record<string, number>>(
            `(() => { const a = (n) => Number(document.documentElement.getAttribute('data-' + n)); return { h0: a('h0'), h1: a('h1'), i0: a('i0'), i1: a('i1'), first: window.__benchFirst, hm: document.documentElement.getAttribute('data-hm') }; })()`,
          );
          await tab.close();
          if (i >= 0) rows.push(row);
        }
        const m = (f: (r: Record<string, number>) => number) => median(rows.map(f)).toFixed(2).padStart(7);
        if (rows[0]!.hm) {
          const parts = rows.map((r) => String(r.hm).split(',').map(Number));
          const steps = parts[0]!.length;
          const out: string[] = [`module init ${median(parts.map((p, k) => p[0]! - rows[k]!.h0!)).toFixed(2)}`];
          for (let j = 1; j < steps; j++) out.push(`step ${j} ${median(parts.map((p) => p[j]! - p[j - 1]!)).toFixed(2)}`);
          console.log(`  ${out.join('   ')}`);
        }
        console.log(`${dist}: ${LOADS} loads of ${page.url}, medians in ms`);
        console.log(`  hook starts ${m((r) => r.h0!)}   hook runs ${m((r) => r.h1! - r.h0!)}   gap to isolated ${m((r) => r.i0! - r.h1!)}   isolated runs ${m((r) => r.i1! - r.i0!)}   first page script ${m((r) => r.first!)}   (after isolated ${m((r) => r.first! - r.i1!)})`);
      } finally {
        await b.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await server.close();
  }
}

void main();
