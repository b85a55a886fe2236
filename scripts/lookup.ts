#!/usr/bin/env -S npx tsx
/**
 * npm run -s lookup -- <hostname|URL> ... [--pretty]   one JSON object per input and line
 * npm run -s lookup -- --stats [--pretty]               counts of the database
 *
 * Reads src/data directly (validated and compiled as the build does), so it shows an edit at once.
 * Exit 0 whether or not anything matched; exit 2 for unusable input or an invalid database.
 */
import { fileURLToPath } from 'node:url';
import { RiskDatabase } from '../src/core/risk-database.ts';
import { DatabaseError } from '../src/core/database/validate-database.ts';
import { loadDatabase } from './database/load-sources.ts';
import { hostOfInput, lookupRecord } from './database/lookup-record.ts';
import { prettyRecord } from './database/pretty-record.ts';
import { databaseStats, statsTable } from './database/stats.ts';

const USAGE = `usage: npm run -s lookup -- <hostname|URL> ... [--pretty]
       npm run -s lookup -- --stats [--pretty]`;

function fail(message: string): never {
  process.stderr.write(`lookup: ${message}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const inputs = argv.filter((a) => !a.startsWith('--'));
  for (const flag of flags) if (!['--pretty', '--stats', '--help'].includes(flag)) fail(`unknown option ${flag}\n${USAGE}`);
  if (flags.has('--help')) return void process.stdout.write(`${USAGE}\n`);
  if (!flags.has('--stats') && inputs.length === 0) fail(`nothing to look up\n${USAGE}`);

  // Check every input before printing anything, so a script never gets half an answer.
  const hosts = inputs.map((input) => ({ input, parsed: hostOfInput(input) }));
  const bad = hosts.flatMap(({ parsed }) => ('error' in parsed ? [parsed.error] : []));
  if (bad.length) fail(bad.join('\nlookup: '));

  let db: RiskDatabase;
  try {
    // AJG_DATA_DIR points the command at another copy of the data (tests use the fixture).
    db = new RiskDatabase(loadDatabase(process.env.AJG_DATA_DIR ?? fileURLToPath(new URL('../src/data', import.meta.url))));
  } catch (error) {
    if (error instanceof DatabaseError) fail(error.message);
    throw error;
  }
  const pretty = flags.has('--pretty');
  const out: string[] = [];
  if (flags.has('--stats')) {
    const stats = databaseStats(db);
    out.push(pretty ? statsTable(stats) : JSON.stringify(stats));
  }
  for (const { input, parsed } of hosts) {
    if (!('host' in parsed)) continue;
    const record = lookupRecord(db, input, parsed.host);
    out.push(pretty ? prettyRecord(record) : JSON.stringify(record));
  }
  process.stdout.write(`${out.join(pretty ? '\n\n' : '\n')}\n`);
}

main(process.argv.slice(2));
