/**
 * The benchmark build of a catalog `scale` times today's size (scale-catalog.ts):
 * `AJG_CATALOG_SCALE=<n> vite build --mode <target>` into dist-bench/x<n>/<target>, reused while
 * it is newer than everything it is built from. Also a command:
 * `tsx scripts/bench/scaled-build.ts [n] [target]` (default 10, chrome).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCALE_ENV } from './scale-catalog.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/**
 * What a build reads: the sources and the database, the assets, the build's configuration and
 * its plugins (not the benchmark scripts, so that editing one does not call for a new build).
 */
function inputs(): string[] {
  const plugins = readdirSync(join(ROOT, 'scripts')).filter((f) => /^vite-plugin-.*\.ts$/.test(f) || f === 'manifest.ts').map((f) => join('scripts', f));
  return ['src', 'assets', 'manifest.json', 'package.json', 'package-lock.json', 'vite.config.ts', 'scripts/database', 'scripts/locales', 'scripts/bench/scale-catalog.ts', ...plugins];
}

export function scaledBuildDir(scale: number, target = 'chrome'): string {
  return join(ROOT, 'dist-bench', `x${scale}`, target);
}

/** The newest modification time among `path` and, for a folder, everything in it. */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** A build there, finished (its manifest is written last) and newer than every input. */
export function isFresh(dir: string): boolean {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  const built = statSync(manifest).mtimeMs;
  return inputs().map((p) => join(ROOT, p)).filter(existsSync).every((p) => newestMtime(p) <= built);
}

/** Builds (or reuses) dist-bench/x<scale>/<target> and returns its path. */
export function buildScaled(scale: number, target = 'chrome', log: (line: string) => void = console.log): string {
  const dir = scaledBuildDir(scale, target);
  if (isFresh(dir)) return dir;
  log(`Building a ${scale}× catalog into ${join('dist-bench', `x${scale}`, target)}…`);
  const started = Date.now();
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--mode', target, '--logLevel', 'warn'], {
    cwd: ROOT,
    env: { ...process.env, [SCALE_ENV]: String(scale) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 || !existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`the ${scale}× build failed (exit ${result.status}):\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`);
  }
  log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return dir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [scale = '10', target = 'chrome'] = process.argv.slice(2);
  console.log(buildScaled(Number(scale), target));
}
