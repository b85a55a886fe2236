/**
 * Quick split of the hooked fetch's cost per call, for one or more builds: µs per call of the
 * page's fetch for an AI URL with a 2 KB JSON body and for a non-AI URL, in the same page, and
 * their difference (what the AI path adds). Median of 7 runs of 20,000 calls each.
 *
 *   tsx scripts/bench/fetch-split.ts <dist-dir>...
 */
import { launchBench } from './browsers.ts';
import { startBenchServer } from './server.ts';
import { BENCH_HOSTS, FETCH_PAGE, resolveBenchResource } from './pages.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const server = await startBenchServer(resolveBenchResource);
  for (const dist of process.argv.slice(2)) {
    const b = await launchBench('extension', BENCH_HOSTS, server.port, dist);
    try {
      const page = await b.context.newPage();
      await page.goto(FETCH_PAGE);
      const run = () => page.evaluate(() => (window as unknown as { __benchFetch(o: unknown): Promise<number[]> }).__benchFetch({ n: 20_000, chunks: 10, plan: [['window', 'ai'], ['window', 'plain']] }));
      await run();
      const ai: number[] = [];
      const plain: number[] = [];
      for (let r = 0; r < 7; r++) {
        const [a, p] = await run();
        ai.push(a!);
        plain.push(p!);
      }
      console.log(`${dist}: ai ${median(ai).toFixed(2)} µs, plain ${median(plain).toFixed(2)} µs, ai - plain ${(median(ai) - median(plain)).toFixed(2)} µs`);
    } finally {
      await b.close();
    }
  }
  await server.close();
}

await main();
