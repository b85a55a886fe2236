/**
 * A virtual X display (Xvfb) for headed browsers: the real toolbar popup, real key presses
 * (xdotool) and window sizes behave as on a desktop, which headless mode only imitates.
 *
 * Xvfb picks a free display number itself (-displayfd), so several test runs on one machine
 * never race for the same one.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

export const XVFB_PATH = process.env.XVFB_PATH ?? '/usr/bin/Xvfb';
export const XDOTOOL_PATH = process.env.XDOTOOL_PATH ?? '/usr/bin/xdotool';

export function hasXvfb(): boolean {
  return existsSync(XVFB_PATH);
}

export function hasXdotool(): boolean {
  return existsSync(XDOTOOL_PATH);
}

export interface VirtualDisplay {
  /** The DISPLAY value, e.g. ":99". */
  display: string;
  /** Runs xdotool on this display (e.g. `['key', 'alt+shift+g']`) and returns its output. */
  xdotool(args: string[]): Promise<string>;
  close(): Promise<void>;
}

export async function startXvfb(size = '1280x900x24'): Promise<VirtualDisplay> {
  if (!hasXvfb()) throw new Error(`Xvfb not found at ${XVFB_PATH}: apt-get install xvfb, or set XVFB_PATH`);
  // fd 3 receives the display number once the server accepts connections.
  const child = spawn(XVFB_PATH, ['-displayfd', '3', '-screen', '0', size, '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let number: string;
  try {
    number = await displayNumberOf(child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const display = `:${number}`;
  const run = promisify(execFile);
  return {
    display,
    xdotool: async (args) => (await run(XDOTOOL_PATH, args, { env: { ...process.env, DISPLAY: display }, timeout: 15_000 })).stdout,
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function displayNumberOf(child: ChildProcess): Promise<string> {
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`Xvfb did not start within 15 s: ${err.slice(-1000)}`)), 15_000);
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdio[3]!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /^(\d+)\n/.exec(out);
      if (match) {
        clearTimeout(timer);
        ok(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Xvfb exited (${code}) before it was ready: ${err.slice(-1000)}`));
    });
  });
}
