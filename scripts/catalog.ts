#!/usr/bin/env -S npx tsx
/**
 * npm run -s catalog [-- --check]: writes docs/catalog.md from src/data
 * (scripts/database/catalog-markdown.ts); with --check, exits 1 when the file is stale instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RiskDatabase } from '../src/core/risk-database.ts';
import { catalogMarkdown } from './database/catalog-markdown.ts';
import { loadDatabase } from './database/load-sources.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const target = `${root}docs/catalog.md`;
const text = catalogMarkdown(new RiskDatabase(loadDatabase(`${root}src/data`)));
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== text) {
    console.error('docs/catalog.md is stale: run npm run -s catalog');
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log(`wrote docs/catalog.md (${text.length.toLocaleString('en-US')} characters)`);
}
