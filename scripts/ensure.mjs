// Set-up steps shared by `npm start` and `npm test`, so that both work on a fresh clone with
// nothing but Node and npm: npm packages from package-lock.json, and Debian's browsers and X tools.
// Installs and builds print one line each; their full output only when they fail.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildMessages, colourEnv } from './terminal-output.mjs';

export const ROOT = resolve(import.meta.dirname, '..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The virtual X server that tests opening a real (headed) browser window start themselves. */
export const XVFB_PATH = process.env.XVFB_PATH ?? '/usr/bin/Xvfb';
/** Sends clicks and keys to such a window (the toolbar button, for one). */
export const XDOTOOL_PATH = process.env.XDOTOOL_PATH ?? '/usr/bin/xdotool';
/** BIND's zone checker, which the unit tests run on the exported RPZ zone (tests/unit/export.test.ts). */
export const NAMED_CHECKZONE_PATH = process.env.NAMED_CHECKZONE_PATH ?? '/usr/bin/named-checkzone';

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options, env: colourEnv(options.env ?? process.env) });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

export function mustRun(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${status})`);
    process.exit(status);
  }
}

/**
 * Runs a command with its output (stdout and stderr, interleaved as written) kept in a file
 * instead of shown; returns the exit status and that output.
 */
export function runQuietly(command, args, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ajg-log-'));
  const log = join(dir, 'output.log');
  const fd = openSync(log, 'w');
  try {
    const result = spawnSync(command, args, { cwd: ROOT, ...options, stdio: ['ignore', fd, fd], env: colourEnv(options.env ?? process.env) });
    if (result.error) throw result.error;
    return { status: result.status ?? 1, output: readFileSync(log, 'utf8') };
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** runQuietly, and on failure its whole output and what failed, then exit. */
function mustRunQuietly(what, command, args, options) {
  const { status, output } = runQuietly(command, args, options);
  if (status !== 0) {
    process.stderr.write(output);
    console.error(`\n${what} failed: ${command} ${args.join(' ')} (exit ${status})`);
    process.exit(status);
  }
  return output;
}

/** `npm ci` when node_modules is missing or was installed from another package-lock.json. */
export function ensureNodeModules() {
  const lock = readFileSync(resolve(ROOT, 'package-lock.json'));
  const stamp = resolve(ROOT, 'node_modules/.ajg-lock-hash');
  const hash = createHash('sha256').update(lock).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  console.log('Installing npm packages from package-lock.json (npm ci)…');
  mustRunQuietly('npm ci', 'npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, hash);
}

/**
 * What the end-to-end tests need from Debian, installed with apt when the program is missing:
 * Chromium with an emoji font (flags in screenshots) and a CJK font (the Chinese UI's), firefox-esr,
 * Xvfb and xdotool for the tests that open a real browser window without a display, and BIND's
 * named-checkzone (bind9-utils) for the test of the exported DNS zone.
 */
const DEBIAN_PACKAGES = [
  { name: 'chromium', path: CHROMIUM_PATH, packages: ['chromium', 'fonts-noto-color-emoji', 'fonts-wqy-microhei'], browser: true },
  { name: 'firefox', path: FIREFOX_PATH, packages: ['firefox-esr'], browser: true },
  { name: 'xvfb', path: XVFB_PATH, packages: ['xvfb'] },
  { name: 'xdotool', path: XDOTOOL_PATH, packages: ['xdotool'] },
  { name: 'named-checkzone', path: NAMED_CHECKZONE_PATH, packages: ['bind9-utils'] },
];

/**
 * Options (both optional; without them: everything above, and exit when it cannot be installed):
 * `only`: what is needed, e.g. `['chromium']` for `npm start`'s demo scan;
 * `optional`: say why and return false instead of exiting when it cannot be installed.
 * Returns true when everything wanted is there.
 */
export function ensureDebianPackages({ only, optional = false } = {}) {
  const wanted = DEBIAN_PACKAGES.filter((b) => !only || only.includes(b.name));
  const packages = wanted.filter((b) => !existsSync(b.path)).flatMap((b) => b.packages);
  if (packages.length === 0) return true;
  const giveUp = (message) => {
    console.error(message);
    if (optional) return false;
    process.exit(1);
  };
  const howTo = `Install them yourself (apt-get install ${packages.join(' ')}) or set CHROMIUM_PATH / FIREFOX_PATH.`;
  console.log(`Installing Debian's ${packages.join(' ')} with apt-get (needed by the end-to-end tests)…`);
  const isRoot = process.getuid?.() === 0;
  if (!isRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    return giveUp(`Cannot install ${packages.join(' ')}: not root and no password-less sudo. ${howTo}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let log = '';
  const apt = (args) => {
    const { status, output } = isRoot ? runQuietly('apt-get', args, { env }) : runQuietly('sudo', ['-n', 'apt-get', ...args], { env });
    log += output;
    return status;
  };
  const installed = apt(['update', '-qq']) === 0 && apt(['install', '-y', '-qq', '--no-install-recommends', ...packages]) === 0;
  const missing = wanted.filter((b) => !existsSync(b.path)).map((b) => b.path);
  if (!installed || missing.length) {
    process.stderr.write(log);
    return giveUp(`Installing ${packages.join(' ')} failed${missing.length ? ` (${missing.join(', ')} still missing)` : ''}. ${howTo}`);
  }
  for (const { path } of wanted.filter((b) => b.browser)) console.log(`  ${execFileSync(path, ['--version'], { encoding: 'utf8' }).trim()}`);
  return true;
}

/**
 * Builds dist/chrome and dist/firefox (or the `targets` given) with vite, one after the other,
 * and says so in one line. Warnings and errors are printed in full, a warning both builds give
 * once; a failed build prints its whole output and exits.
 */
export function build({ targets = ['chrome', 'firefox'] } = {}) {
  const started = Date.now();
  const vite = resolve(ROOT, 'node_modules/vite/bin/vite.js');
  const shown = new Set();
  for (const target of targets) {
    const messages = buildMessages(mustRunQuietly(`Building dist/${target}`, process.execPath, [vite, 'build', '--mode', target, '--logLevel', 'warn']));
    const text = messages.join('\n');
    if (text && !shown.has(text)) {
      console.log(`dist/${target}:\n${text}`);
      shown.add(text);
    }
  }
  const dirs = targets.map((t) => `dist/${t}`).join(' and ');
  console.log(`Built ${dirs} (${((Date.now() - started) / 1000).toFixed(1)} s).`);
}
