#!/usr/bin/env node
// web-ext lint on a fresh Firefox build (never a stale one): one line per message, and a
// non-zero exit when there is any error. Warnings are printed, not fatal (docs/permissions.md
// explains the known ones). `npm test`, which has just built dist/firefox, says so with
// AJG_FIREFOX_BUILT=1 and saves the second build.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { build, ROOT } from './ensure.mjs';

const firefox = resolve(ROOT, 'dist/firefox');
if (process.env.AJG_FIREFOX_BUILT !== '1') build({ targets: ['firefox'] });
const result = spawnSync('npx', ['web-ext', 'lint', '--source-dir', firefox, '--output', 'json', '--no-input'], { cwd: ROOT, encoding: 'utf8' });
let report;
try {
  report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
} catch {
  console.error(`web-ext lint did not run:\n${result.stdout}\n${result.stderr}`);
  process.exit(1);
}
for (const level of ['errors', 'warnings', 'notices']) {
  for (const m of report[level]) console.log(`  ${level.slice(0, -1)} ${m.code} ${m.file ?? ''}: ${m.message}`);
}
const { errors, warnings, notices } = report.summary;
console.log(`web-ext lint: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors > 0 ? 1 : 0);
