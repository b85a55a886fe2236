#!/usr/bin/env -S npx tsx
/**
 * npm run -s coverage -- <hosts.tsv> [--json]
 *
 * How much of a host list the database covers (scripts/database/coverage.ts): recognised,
 * excluded with a reason (src/data/exclusions.json) or missing, with the missing hosts listed.
 * The list is tab-separated with a header naming a `host` column (`lists` and `source` are shown
 * when present), like ../shared/reference/public-ai-hosts.tsv. Exit 0 when done, 2 for bad input.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DatabaseError } from '../src/core/database/validate-database.ts';
import { RiskDatabase } from '../src/core/risk-database.ts';
import { coverageLine, coverageOf, parseHostList } from './database/coverage.ts';
import { loadDatabase, loadExclusions } from './database/load-sources.ts';

const USAGE = 'usage: npm run -s coverage -- <hosts.tsv> [--json]';

function fail(message: string): never {
  process.stderr.write(`coverage: ${message}\n`);
  process.exit(2);
}

function main(argv: string[]): void {
  const flags = argv.filter((a) => a.startsWith('--'));
  const files = argv.filter((a) => !a.startsWith('--'));
  for (const flag of flags) if (!['--json', '--help'].includes(flag)) fail(`unknown option ${flag}\n${USAGE}`);
  if (flags.includes('--help')) return void process.stdout.write(`${USAGE}\n`);
  if (files.length !== 1) fail(`name one host list\n${USAGE}`);
  let text: string;
  try {
    text = readFileSync(files[0]!, 'utf8');
  } catch (error) {
    fail(`cannot read ${files[0]}: ${(error as Error).message}`);
  }
  let hosts;
  try {
    hosts = parseHostList(text);
  } catch (error) {
    fail(`${files[0]}: ${(error as Error).message}`);
  }
  const dataDir = process.env.AJG_DATA_DIR ?? fileURLToPath(new URL('../src/data', import.meta.url));
  let db: RiskDatabase;
  let exclusions;
  try {
    db = new RiskDatabase(loadDatabase(dataDir));
    exclusions = loadExclusions(dataDir, db);
  } catch (error) {
    if (error instanceof DatabaseError) fail(error.message);
    throw error;
  }
  const coverage = coverageOf(db, exclusions, hosts);
  if (flags.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ total: hosts.length, recognised: coverage.recognised.length, excluded: coverage.excluded.length, missing: coverage.missing.map((h) => h.host) })}\n`);
    return;
  }
  const lines = [coverageLine(coverage)];
  if (coverage.missing.length) {
    lines.push('', 'missing:');
    const width = Math.max(...coverage.missing.map((h) => h.host.length));
    for (const h of coverage.missing) lines.push(`  ${h.host.padEnd(width)}  ${h.lists}`.trimEnd());
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main(process.argv.slice(2));
