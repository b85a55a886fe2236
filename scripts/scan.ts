#!/usr/bin/env -S npx tsx
/**
 * npm run -s scan -- [--json] [--resolve host=ip:port ...] [--fail-on level] [--timeout ms] <url> ...
 *
 * The command-line face of the extension's detection: loads each URL in headless Chromium with the
 * built extension (dist/chrome), waits until the page is quiet, and reports what the extension
 * recorded for the tab, through the same tabReport the extension uses. Usage and exit codes: USAGE
 * in scripts/scan/args.ts.
 */
import { fileURLToPath } from 'node:url';
import { RiskDatabase } from '../src/core/risk-database.ts';
import { DatabaseError } from '../src/core/database/validate-database.ts';
import { loadDatabase } from './database/load-sources.ts';
import { parseScanArgs, reachesFailLevel, USAGE } from './scan/args.ts';
import { formatResult, jsonLine } from './scan/format.ts';
import { assertCanLaunch, launchHeadless, LaunchError, type ScanBrowser } from './scan/launch.ts';
import { scanUrl, translatorOf } from './scan/scanner.ts';

function fail(message: string, code: number): never {
  process.stderr.write(`scan: ${message}\n`);
  process.exit(code);
}

async function main(argv: string[]): Promise<number> {
  const parsed = parseScanArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed.kind === 'error') fail(`${parsed.problems.join('\nscan: ')}\n(npm run -s scan -- --help for usage)`, 2);
  const { options } = parsed;

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
    let failed = false;
    let reached = false;
    for (const [i, url] of options.urls.entries()) {
      const result = await scanUrl(browser, db, url, options.timeoutMs, t);
      failed ||= result.error !== undefined;
      reached ||= reachesFailLevel(result.level, options.failOn);
      process.stdout.write(options.json ? `${jsonLine(result)}\n` : `${i ? '\n' : ''}${formatResult(result, options.timeoutMs, options.lang, db)}\n`);
    }
    // A page that could not be scanned makes the answer incomplete: that outranks --fail-on.
    return failed ? 1 : reached ? 3 : 0;
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
