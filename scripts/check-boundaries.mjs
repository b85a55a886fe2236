#!/usr/bin/env node
// Import and global-use rules that the type checker alone does not enforce:
// 1. src/core is browser-free: it imports only src/core modules and the compiled database, and touches
//    no browser global (tsconfig.core.json already leaves the DOM and extension types out; this
//    also catches `globalThis.chrome` and the like).
// 2. The MAIN-world script runs in the page's own world, where no extension API exists and
//    webextension-polyfill throws: it and everything it imports stay in src/core or
//    src/content/main-world/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const core = join(root, 'src/core');
const mainWorldEntry = join(root, 'src/content/main-world.ts');
const mainWorldDir = join(root, 'src/content/main-world');
const IMPORT_RE = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;
const BROWSER_GLOBAL_RE = /\b(globalThis)\b|\b(window|document|self|chrome|browser|navigator|localStorage|sessionStorage|indexedDB)\s*(\.|\[|\?\.)/;

const problems = [];
const rel = (file) => relative(root, file);
const stripComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

function importsOf(file) {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT_RE)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function resolveImport(file, spec) {
  return spec.startsWith('.') ? resolve(dirname(file), spec) : undefined;
}

function* tsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(path);
    else if (/\.tsx?$/.test(entry.name)) yield path;
  }
}

// Rule 1
let coreFiles = 0;
for (const file of tsFiles(core)) {
  coreFiles++;
  for (const spec of importsOf(file)) {
    const target = resolveImport(file, spec);
    // virtual:risk-database is the compiled database (scripts/vite-plugin-database.ts).
    const ok = spec === 'virtual:risk-database' || (target !== undefined && target.startsWith(core + '/'));
    if (!ok) problems.push(`${rel(file)}: imports "${spec}"; src/core may import only src/core modules and virtual:risk-database`);
  }
  stripComments(readFileSync(file, 'utf8')).split('\n').forEach((line, i) => {
    const m = line.match(BROWSER_GLOBAL_RE);
    if (m) problems.push(`${rel(file)}:${i + 1}: uses the browser global "${m[1] ?? m[2]}"; src/core must run outside a browser`);
  });
}

// Rule 2
const seen = new Set();
const stack = [mainWorldEntry];
while (stack.length) {
  const file = stack.pop();
  if (seen.has(file)) continue;
  seen.add(file);
  for (const spec of importsOf(file)) {
    const target = resolveImport(file, spec);
    const inside = target !== undefined && (target.startsWith(core + '/') || target.startsWith(mainWorldDir + '/'));
    if (!inside) {
      problems.push(`${rel(file)}: imports "${spec}"; the MAIN-world script may import only src/core and src/content/main-world/`);
      continue;
    }
    if (target.startsWith(mainWorldDir + '/') && existsSync(target)) stack.push(target);
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`check-boundaries: ${coreFiles} files in src/core are browser-free; the MAIN-world script imports only src/core`);
