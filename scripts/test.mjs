#!/usr/bin/env node
// `npm test`: everything, on a fresh clone, with no display and no input.
// install → build → lint (types, boundaries, web-ext lint) → unit tests → e2e in Chromium and Firefox.
// Ends with one line "tests: N passed, N failed" counting unit and e2e tests together.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureBrowsers, ensureNodeModules, mustRun, ROOT, run } from './ensure.mjs';

const started = Date.now();
ensureNodeModules();
ensureBrowsers();
mustRun('npm', ['run', '-s', 'build']);
mustRun('npm', ['run', '-s', 'lint']);

const reports = resolve(ROOT, 'artifacts/test-results');
mkdirSync(reports, { recursive: true });

function vitest(project) {
  const out = resolve(reports, `${project}.json`);
  rmSync(out, { force: true });
  const status = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  let counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    counts = { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
  } catch {
    counts.failed = 1; // no report: the run itself broke
  }
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

const unit = vitest('unit');
const e2e = vitest('e2e');
const total = { passed: unit.passed + e2e.passed, failed: unit.failed + e2e.failed, skipped: unit.skipped + e2e.skipped };
const line = (c) => `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
console.log(`\nunit: ${line(unit)}`);
console.log(`e2e: ${line(e2e)}`);
console.log(`time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`tests: ${line(total)}`);
process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
