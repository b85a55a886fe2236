// Set-up steps shared by `npm start` and `npm test`, so that both work on a fresh clone with
// nothing but Node and npm: npm packages from package-lock.json, and Debian's Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

/** Debian's Chromium (and an emoji font for flags in screenshots), installed with apt when missing. */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return;
  const packages = ['chromium', 'fonts-noto-color-emoji'];
  console.log(`Chromium is not at ${CHROMIUM_PATH}; installing Debian's ${packages.join(' ')} with apt-get…`);
  const isRoot = process.getuid?.() === 0;
  const sudo = isRoot ? [] : ['sudo', '-n'];
  if (!isRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    console.error(`Cannot install Chromium: not root and no password-less sudo. Install it yourself (apt-get install ${packages.join(' ')}) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args], { env });
  if (apt(['update', '-qq']) !== 0 || apt(['install', '-y', '-qq', '--no-install-recommends', ...packages]) !== 0 || !existsSync(CHROMIUM_PATH)) {
    console.error(`Installing Chromium failed; install it yourself (apt-get install ${packages.join(' ')}) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  console.log(execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim());
}

export function build() {
  mustRun('npm', ['run', '-s', 'build']);
}
