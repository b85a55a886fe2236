#!/usr/bin/env node
// Keeps src/core browser-free: its files may import only other src/core modules and the data
// files in src/data. (tsconfig.core.json already rejects DOM and extension globals.)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const core = join(root, 'src/core');
const data = join(root, 'src/data');
const IMPORT_RE = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.tsx?$/.test(entry.name)) yield path;
  }
}

const problems = [];
let checked = 0;
for (const file of files(core)) {
  checked++;
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2] ?? m[3];
    const target = spec.startsWith('.') ? resolve(dirname(file), spec) : undefined;
    const ok = target !== undefined && (target.startsWith(core + '/') || (target.startsWith(data + '/') && target.endsWith('.json')));
    if (!ok) problems.push(`${relative(root, file)}: imports "${spec}"; src/core may import only src/core modules and src/data/*.json`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`check-core: ${checked} files in src/core import nothing outside src/core and src/data`);
