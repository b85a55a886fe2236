// Set-up steps shared by `npm start` and `npm test`, so that both work on a fresh clone with
// nothing but Node and npm: npm packages from package-lock.json, and Debian's browsers.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
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

/** `npm ci` when node_modules is missing or was installed from another package-lock.json. */
export function ensureNodeModules() {
  const lock = readFileSync(resolve(ROOT, 'package-lock.json'));
  const stamp = resolve(ROOT, 'node_modules/.ajg-lock-hash');
  const hash = createHash('sha256').update(lock).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  console.log('Installing npm packages from package-lock.json (npm ci)…');
  mustRun('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, hash);
}

/**
 * The browsers the end-to-end tests drive, from Debian's packages, installed with apt when
 * missing: Chromium, firefox-esr, an emoji font so that flags show in screenshots and a CJK font for the Chinese UI's.
 */
const BROWSER_PACKAGES = [
  { name: 'chromium', path: CHROMIUM_PATH, packages: ['chromium', 'fonts-noto-color-emoji', 'fonts-wqy-microhei'] },
  { name: 'firefox', path: FIREFOX_PATH, packages: ['firefox-esr'] },
];

/**
 * Options (both optional; without them: both browsers, and exit when they cannot be installed):
 * `only`: the browsers needed, e.g. `['chromium']` for `npm start`'s demo scan;
 * `optional`: say why and return false instead of exiting when they cannot be installed.
 * Returns true when the browsers are there.
 */
export function ensureBrowsers({ only, optional = false } = {}) {
  const wanted = BROWSER_PACKAGES.filter((b) => !only || only.includes(b.name));
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
    return giveUp(`Cannot install browsers: not root and no password-less sudo. ${howTo}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => (isRoot ? run('apt-get', args, { env }) : run('sudo', ['-n', 'apt-get', ...args], { env }));
  const installed = apt(['update', '-qq']) === 0 && apt(['install', '-y', '-qq', '--no-install-recommends', ...packages]) === 0;
  const missing = wanted.filter((b) => !existsSync(b.path)).map((b) => b.path);
  if (!installed || missing.length) {
    return giveUp(`Installing browsers failed${missing.length ? ` (${missing.join(', ')} still missing)` : ''}. ${howTo}`);
  }
  for (const { path } of wanted) console.log(execFileSync(path, ['--version'], { encoding: 'utf8' }).trim());
  return true;
}

export function build() {
  mustRun('npm', ['run', '-s', 'build']);
}
