#!/usr/bin/env -S npx tsx
/**
 * npm run -s scan -- [options] [<url> ...]   (USAGE in scripts/scan/args.ts; docs/scanner.md)
 *
 * The command-line face of the extension's detection: loads each page in headless Chromium with
 * the built extension (dist/chrome), acts as a visitor for a while, and reports what the extension
 * recorded for the tab, through the same tabReport the extension uses; whole sites by crawling or
 * from a sitemap, in the formats CI systems read, against a reviewed baseline.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RiskDatabase } from '../src/core/risk-database.ts';
import { DatabaseError } from '../src/core/database/validate-database.ts';
import { loadDatabase } from './database/load-sources.ts';
import { parseScanArgs, USAGE } from './scan/args.ts';
import { assertCanLaunch, launchHeadless, LaunchError, type ScanBrowser } from './scan/launch.ts';
import { baselineOf, type BaselineComparison, compareWithBaseline, failsWith, parseBaseline } from './scan/report/baseline.ts';
import { resolveInputs } from './scan/scan-inputs.ts';
import { scanPages } from './scan/scan-pages.ts';
import { translatorOf } from './scan/scanner.ts';
import { writeReport } from './scan/write-report.ts';

function fail(message: string, code: number): never {
  process.stderr.write(`scan: ${message}\n`);
  process.exit(code);
}

const version = (JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string }).version;

async function main(argv: string[]): Promise<number> {
  const parsed = parseScanArgs(argv, true);
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') fail(`${parsed.problems.join('\nscan: ')}\n(npm run -s scan -- --help for usage)`, 2);
  const inputs = resolveInputs(parsed.options);
  if ('problems' in inputs) fail(`${inputs.problems.join('\nscan: ')}\n(npm run -s scan -- --help for usage)`, 2);
  const { options } = inputs;
  let comparison: BaselineComparison | undefined;
  let baselineText: string | undefined;
  if (options.baseline) {
    try {
      baselineText = readFileSync(options.baseline, 'utf8');
    } catch (error) {
      fail(`--baseline ${options.baseline}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`, 2);
    }
    const baseline = parseBaseline(baselineText);
    if ('problems' in baseline) fail(`--baseline ${options.baseline}: ${baseline.problems.join('; ')}`, 2);
  }

  let browser: ScanBrowser | undefined;
  const stop = () => {
    void (browser?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    assertCanLaunch();
    // The same data the build compiles into the extension (src/data), as `npm run lookup` reads it.
    const db = new RiskDatabase(loadDatabase(fileURLToPath(new URL('../src/data', import.meta.url))));
    browser = await launchHeadless({ resolve: options.resolve });
    const t = translatorOf(options.lang);
    const started = Date.now();
    const { results, skipped } = await scanPages(browser, db, options, t);
    const elapsed = Date.now() - started;
    if (baselineText !== undefined) {
      const baseline = parseBaseline(baselineText);
      if ('baseline' in baseline) comparison = compareWithBaseline(results, baseline.baseline);
    }
    const report = writeReport(results, { options, db, version, ...(comparison ? { comparison } : {}) });
    if (options.output) writeFileSync(options.output, report);
    else process.stdout.write(report);
    if (options.writeBaseline) writeFileSync(options.writeBaseline, `${JSON.stringify(baselineOf(results, new Date().toISOString()), null, 2)}\n`);
    for (const s of skipped) process.stderr.write(`scan: skipped ${s.url}: ${s.why}\n`);
    if (options.timing) {
      const perMinute = results.length ? (results.length / elapsed) * 60_000 : 0;
      process.stderr.write(`scan: timing: ${results.length} page${results.length === 1 ? '' : 's'} in ${(elapsed / 1000).toFixed(1)} s at concurrency ${options.concurrency}: ${perMinute.toFixed(1)} pages per minute\n`);
    }
    // A page that could not be scanned makes the answer incomplete: that outranks --fail-on.
    if (results.some((r) => r.error !== undefined)) return 1;
    return failsWith(results, options.failOn, comparison) ? 3 : 0;
  } catch (error) {
    if (error instanceof LaunchError) fail(error.message, error.exitCode);
    if (error instanceof DatabaseError) fail(`src/data: ${error.message}`, 1);
    throw error;
  } finally {
    await browser?.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => fail(`crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1),
);
