#!/usr/bin/env node
// `npm test`: everything, on a fresh clone, with no display and no input.
// install → build → lint (types, boundaries, web-ext lint) → unit tests → e2e in Chromium and Firefox.
// Ends with one line "tests: N passed, N failed" counting unit and e2e tests together.
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build, ensureDebianPackages, ensureNodeModules, FIREFOX_PATH, mustRun, ROOT, run } from './ensure.mjs';
import { policyFilesNote } from './terminal-output.mjs';

const started = Date.now();
// Said first: the e2e tests write machine-wide files, which a person should know before they run
// (tests/e2e/harness/policy-files.ts; Firefox's file is found the same way there).
const firefoxPolicyFile = existsSync(FIREFOX_PATH) ? join(dirname(realpathSync(FIREFOX_PATH)), 'distribution', 'policies.json') : undefined;
console.log(`${policyFilesNote(firefoxPolicyFile)}\n`);
ensureNodeModules();
ensureDebianPackages();
build();
// The lint's web-ext check needs a fresh Firefox build, and the one just made is.
mustRun('npm', ['run', '-s', 'lint'], { env: { ...process.env, AJG_FIREFOX_BUILT: '1' } });

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
