/** Runs the scanner's real command line (scripts/scan.ts with tsx) as a child process, as people and CI do. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface Run {
  code: number | null;
  out: string;
  err: string;
  /** stdout parsed as JSON lines (empty when it is not JSON). */
  results: ScanLine[];
  ms: number;
}

export interface ScanLine {
  url: string;
  finalUrl: string | null;
  level: string;
  timedOut: boolean;
  error?: string;
  findings: Array<Record<string, any>>;
}

/** Runs `npm run -s scan -- …` as a child process (asynchronously: the demo server lives in this process). */
export function scan(...args: string[]): Promise<Run> {
  return scanWith({}, ...args);
}

/** With extra environment variables. */
export function scanWith(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return scanIn(process.cwd(), env, ...args);
}

/** From another working folder (a config file found there); the repository's scripts still run. */
export function scanIn(cwd: string, env: Record<string, string>, ...args: string[]): Promise<Run> {
  const started = Date.now();
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), resolve(ROOT, 'scripts/scan.ts'), ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => {
      let results: ScanLine[] = [];
      try {
        results = out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ScanLine);
      } catch {
        // readable output
      }
      ok({ code, out, err, results, ms: Date.now() - started });
    });
  });
}

