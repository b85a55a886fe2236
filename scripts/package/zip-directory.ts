/**
 * A zip of a folder that is the same, byte for byte, every time it is made from the same files:
 * entries in sorted order, one fixed timestamp, fixed compression. Admins compare SHA-256 sums of
 * what they deploy, and a rebuilt package must not differ from the one they checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type Zippable, zipSync } from 'fflate';

/**
 * 1980-01-01 12:00 in the local time zone: fflate writes DOS times from the local-time fields of a
 * Date, so a date built from local fields comes out the same in every time zone (noon stays clear
 * of daylight-saving gaps). 1980 is the first year DOS times can hold.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 12, 0, 0);

/** Every file under `dir`, as sorted paths with `/` separators. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  // Code-unit order, not locale order: the same on every machine.
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Zips `dir`; `replace` may give other contents for some paths (a rewritten manifest.json).
 */
export function zipDirectory(dir: string, replace: Record<string, Uint8Array> = {}): Uint8Array {
  const files: Zippable = {};
  for (const path of filesUnder(dir)) {
    files[path] = [replace[path] ?? readFileSync(join(dir, path)), { mtime: FIXED_MTIME, level: 9 }];
  }
  return zipSync(files);
}
