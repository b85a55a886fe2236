/**
 * A CPU profile of the hooked `fetch` on the bench's fetch page, for finding where the page
 * hook's time per call goes (`npm run bench` gives the totals; this gives the parts):
 *
 *   tsx scripts/bench/profile-fetch.ts [dist-dir] [ai|plain]
 *
 * Profile an unminified build for readable names (`vite build --mode chrome --minify false
 * --outDir /tmp/dist-unmin`). Prints self time per function and, for the hook's file, the lines
 * with the most samples. Samples inside native code the hook calls are attributed to the hook's
 * frame on top (its `apply` trap looks heavier than it is): compare two profiles, not one alone.
 */
import { launchBench } from './browsers.ts';
import { startBenchServer } from './server.ts';
import { BENCH_HOSTS, FETCH_PAGE, resolveBenchResource } from './pages.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  positionTicks?: Array<{ line: number; ticks: number }>;
}

async function main(): Promise<void> {
  const [dist, kind = 'ai'] = process.argv.slice(2);
  const server = await startBenchServer(resolveBenchResource);
  const b = await launchBench('extension', BENCH_HOSTS, server.port, dist);
  try {
    const page = await b.context.newPage();
    await page.goto(FETCH_PAGE);
    const run = (n: number) => page.evaluate(({ n, kind }) => (window as unknown as { __benchFetch(o: unknown): Promise<number[]> }).__benchFetch({ n, chunks: 4, plan: [['window', kind]] }), { n, kind });
    await run(2_000); // warm-up: the optimizing compiler has seen the path
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    const perCall = await run(20_000);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
    console.log(`${kind} URL: ${perCall[0]!.toFixed(2)} µs per call`);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      const dt = profile.timeDeltas[i] ?? 0;
      self.set(key, (self.get(key) ?? 0) + dt);
      total += dt;
    });
    for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((t / total) * 100).toFixed(1).padStart(6)} %  ${key}`);
    console.log('hook lines with the most samples:');
    for (const n of profile.nodes) {
      const ticks = (n.positionTicks ?? []).reduce((a, t) => a + t.ticks, 0);
      if (ticks < 30 || !/main-world/.test(n.callFrame.url)) continue;
      const lines = [...(n.positionTicks ?? [])].sort((a, b) => b.ticks - a.ticks).slice(0, 5);
      console.log(`  ${n.callFrame.functionName || '(anonymous)'}: ${lines.map((t) => `line ${t.line} ×${t.ticks}`).join(', ')}`);
    }
  } finally {
    await b.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`profile-fetch: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
