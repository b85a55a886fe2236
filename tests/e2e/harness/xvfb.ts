/**
 * A virtual X display (Xvfb) for headed browsers: the real toolbar popup, real key presses
 * (xdotool) and window sizes behave as on a desktop, which headless mode only imitates.
 *
 * Xvfb picks a free display number itself (-displayfd), so several test runs on one machine
 * never race for the same one.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';

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
  /** What the screen shows now (Xvfb keeps its framebuffer in a file; no screenshot tool needed). */
  capture(): Promise<ScreenCapture>;
  close(): Promise<void>;
}

export interface ScreenCapture {
  width: number;
  height: number;
  /** [red, green, blue] at (x, y). */
  rgb(x: number, y: number): [number, number, number];
  /** The screen as a PNG file. */
  png(): Buffer;
  /** The centre of the pixels in `region` that `match`, or undefined when none does. */
  centreOf(match: (rgb: [number, number, number]) => boolean, region: { x: number; y: number; width: number; height: number }): { x: number; y: number; count: number } | undefined;
}

export async function startXvfb(size = '1280x900x24'): Promise<VirtualDisplay> {
  if (!hasXvfb()) throw new Error(`Xvfb not found at ${XVFB_PATH}: apt-get install xvfb, or set XVFB_PATH`);
  // fd 3 receives the display number once the server accepts connections.
  const fbdir = await mkdtemp(join(tmpdir(), 'ajg-xvfb-'));
  const child = spawn(XVFB_PATH, ['-displayfd', '3', '-screen', '0', size, '-nolisten', 'tcp', '-fbdir', fbdir], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  let number: string;
  try {
    number = await displayNumberOf(child);
  } catch (error) {
    child.kill('SIGKILL');
    await rm(fbdir, { recursive: true, force: true });
    throw error;
  }
  const display = `:${number}`;
  const run = promisify(execFile);
  return {
    display,
    xdotool: async (args) => {
      if (!hasXdotool()) throw new Error(`xdotool not found at ${XDOTOOL_PATH}: apt-get install xdotool, or set XDOTOOL_PATH`);
      return (await run(XDOTOOL_PATH, args, { env: { ...process.env, DISPLAY: display }, timeout: 15_000 })).stdout;
    },
    capture: async () => parseXwd(await readFile(join(fbdir, 'Xvfb_screen0'))),
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      await rm(fbdir, { recursive: true, force: true });
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

/** Xvfb's framebuffer file is an XWD image: a big-endian header, a colour map, then the pixels. */
function parseXwd(data: Buffer): ScreenCapture {
  const field = (i: number) => data.readUInt32BE(i * 4);
  const [headerSize, width, height, byteOrder, bitsPerPixel, bytesPerLine, ncolors] = [field(0), field(4), field(5), field(7), field(11), field(12), field(19)];
  const [redMask, greenMask, blueMask] = [field(14), field(15), field(16)];
  if (bitsPerPixel !== 32) throw new Error(`unexpected XWD pixel size ${bitsPerPixel} (start Xvfb with depth 24)`);
  const pixels = headerSize + ncolors * 12;
  const shift = (mask: number) => Math.log2(mask & -mask);
  const rgb = (x: number, y: number): [number, number, number] => {
    const at = pixels + y * bytesPerLine + x * 4;
    const value = byteOrder === 0 ? data.readUInt32LE(at) : data.readUInt32BE(at);
    return [((value & redMask) >>> shift(redMask)) & 0xff, ((value & greenMask) >>> shift(greenMask)) & 0xff, ((value & blueMask) >>> shift(blueMask)) & 0xff];
  };
  return {
    width,
    height,
    rgb,
    png: () => encodePng(width, height, rgb),
    centreOf: (match, region) => {
      let [sx, sy, count] = [0, 0, 0];
      for (let y = Math.max(0, region.y); y < Math.min(height, region.y + region.height); y++) {
        for (let x = Math.max(0, region.x); x < Math.min(width, region.x + region.width); x++) {
          if (match(rgb(x, y))) [sx, sy, count] = [sx + x, sy + y, count + 1];
        }
      }
      return count ? { x: Math.round(sx / count), y: Math.round(sy / count), count } : undefined;
    },
  };
}

/** A minimal PNG encoder (8-bit RGB, one IDAT), so that screen captures need no image library. */
function encodePng(width: number, height: number, rgb: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(rgb(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return (c ^ 0xffffffff) >>> 0;
}
