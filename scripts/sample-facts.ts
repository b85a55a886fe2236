#!/usr/bin/env -S npx tsx
/**
 * npm run -s sample-facts -- --since <git revision> [--size 30] [--seed 14] [--floor 5] [--json]
 *
 * Draws a seeded, stratified random sample of the facts (hosts, operators, countries, parents,
 * links, data locations, training, retention, Chinese text of laws and countries)
 * that src/data holds now and did not hold at <git revision>, for a second reader to check
 * against the sources (scripts/database/fact-sample.ts). Prints how many new facts each stratum
 * has, then the sample as a Markdown table. Exit 0 when done, 2 for bad input.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceOfFiles, validateDatabase } from '../src/core/database/validate-database.ts';
import { newFacts, sampleFacts, sampleTable, stratumOf } from './database/fact-sample.ts';
import { readSources } from './database/load-sources.ts';

const USAGE = 'usage: npm run -s sample-facts -- --since <git revision> [--size 30] [--seed 14] [--floor 5] [--json]';

function fail(message: string): never {
  process.stderr.write(`sample-facts: ${message}\n`);
  process.exit(2);
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (value === undefined || value.startsWith('--')) fail(`${name} needs a value\n${USAGE}`);
  return value;
}

function main(argv: string[]): void {
  const since = option(argv, '--since') ?? fail(`name the revision to compare with\n${USAGE}`);
  const size = Number(option(argv, '--size') ?? 30);
  const seed = Number(option(argv, '--seed') ?? 14);
  const floor = Number(option(argv, '--floor') ?? 5);
  if (!Number.isInteger(size) || size < 1 || !Number.isInteger(seed) || !Number.isInteger(floor) || floor < 1) fail(`--size, --seed and --floor take whole numbers\n${USAGE}`);
  const root = fileURLToPath(new URL('..', import.meta.url));
  const dataDir = process.env.AJG_DATA_DIR ?? join(root, 'src/data');
  const old = mkdtempSync(join(tmpdir(), 'ajg-sample-'));
  try {
    try {
      const tar = execFileSync('git', ['-C', root, 'archive', since, 'src/data'], { maxBuffer: 256 * 1024 * 1024 });
      execFileSync('tar', ['-x', '-C', old], { input: tar });
    } catch {
      fail(`cannot read src/data at ${since}`);
    }
    // The old revision was valid by the rules of its day, which may be fewer than today's (Chinese
    // text became required later): its files are read as they are, only the new ones validated.
    const before = sourceOfFiles(readSources(join(old, 'src/data')));
    const after = validateDatabase(readSources(dataDir));
    const facts = newFacts(before, after);
    const sample = sampleFacts(facts, size, seed, floor);
    if (argv.includes('--json')) return void process.stdout.write(`${JSON.stringify({ since, seed, newFacts: facts.length, sample })}\n`);
    const counts = new Map<string, number>();
    for (const f of facts) counts.set(stratumOf(f), (counts.get(stratumOf(f)) ?? 0) + 1);
    const lines = [`${facts.length} new facts since ${since}; sample of ${sample.length}, seed ${seed}`, ''];
    for (const [stratum, n] of [...counts].sort((a, b) => a[0].localeCompare(b[0]))) lines.push(`- ${stratum}: ${n} new, ${sample.filter((f) => stratumOf(f) === stratum).length} drawn`);
    lines.push('', sampleTable(sample));
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(old, { recursive: true, force: true });
  }
}

main(process.argv.slice(2));
