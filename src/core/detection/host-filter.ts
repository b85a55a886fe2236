/**
 * What the per-frame content scripts know of the database's hosts: a Bloom filter of fixed size
 * (HOST_FILTER_BITS), whatever the number of hosts, so the scripts every frame of every page
 * parses do not grow with the catalog (issue 17). It answers "may be an AI host" with no false
 * negatives and a few false positives; the background decides exactly, with the full patterns.
 * A false positive only costs a report the background drops.
 *
 * The filter travels as a string of 6-bit characters (one character per 6 bits, in order), so a
 * test reads at most HOST_FILTER_HASHES characters with charCodeAt: nothing is decoded or built
 * when a script starts, and the string is a literal the engine keeps as one-byte text.
 */
import { HOST_FILTER_BITS, HOST_FILTER_HASHES } from '../constants.ts';

/** 64 URL-safe characters; a character's index is the 6 bits it holds. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A compiled filter: HOST_FILTER_BITS / 6 characters (rounded up) of ALPHABET. */
export type HostFilter = string;

/**
 * FNV-1a over the UTF-16 code units of a suffix, read from its END: the hash of every parent
 * domain of a host then comes out of one right-to-left pass (mayBeInFilter), with no substring.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const step = (h: number, c: number) => Math.imul(h ^ c, FNV_PRIME);

/** A second, independent hash derived from the first (murmur3's finalizer), made odd. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 1;
}

/** Bit i of a suffix with hash h1 (double hashing: h1 + i·h2, Kirsch–Mitzenmacher). */
const bitOf = (h1: number, h2: number, i: number, bits: number) => ((h1 + Math.imul(i, h2)) >>> 0) % bits;

/** The filter holding every suffix: at build time (vite.config.ts) and in tests. */
export function compileHostFilter(suffixes: readonly string[], bits = HOST_FILTER_BITS, hashes = HOST_FILTER_HASHES): HostFilter {
  const cells = new Uint8Array(Math.ceil(bits / 6));
  for (const suffix of suffixes) {
    // mayBeInFilter never probes a single label (a top-level domain alone would match half the web).
    if (!suffix.includes('.')) throw new Error(`host suffix "${suffix}" has a single label`);
    let h1 = FNV_OFFSET;
    for (let i = suffix.length - 1; i >= 0; i--) h1 = step(h1, suffix.charCodeAt(i));
    const h2 = mix(h1);
    for (let i = 0; i < hashes; i++) {
      const bit = bitOf(h1, h2, i, bits);
      cells[(bit / 6) | 0]! |= 1 << bit % 6;
    }
  }
  let out = '';
  for (const cell of cells) out += ALPHABET[cell];
  return out;
}

/** The 6 bits a filter character holds (ALPHABET's index, by arithmetic, without a table). */
function cellValue(c: number): number {
  if (c >= 97) return c - 71; // a-z → 26..51
  if (c === 95) return 63; // _
  if (c >= 65) return c - 65; // A-Z → 0..25
  if (c >= 48) return c + 4; // 0-9 → 52..61
  return 62; // -
}

function holds(filter: HostFilter, h1: number, bits: number, hashes: number): boolean {
  const h2 = mix(h1);
  for (let i = 0; i < hashes; i++) {
    const bit = bitOf(h1, h2, i, bits);
    if (!(cellValue(filter.charCodeAt((bit / 6) | 0)) & (1 << bit % 6))) return false;
  }
  return true;
}

/**
 * Whether `host` (lower case) or one of its parent domains of two labels or more may be in the
 * filter: one pass from the end of `host`, probing at each label boundary past the first dot.
 */
export function mayBeInFilter(filter: HostFilter, host: string, bits = HOST_FILTER_BITS, hashes = HOST_FILTER_HASHES): boolean {
  if (filter.length * 6 < bits) return true; // a missing or cut filter: over-report, never miss
  let h1 = FNV_OFFSET;
  let dotted = false;
  for (let i = host.length - 1; i >= 0; i--) {
    const c = host.charCodeAt(i);
    if (c === 46) {
      // "." : the part after it is a parent domain, probed when it has two labels or more.
      if (dotted && holds(filter, h1, bits, hashes)) return true;
      dotted = true;
    }
    h1 = step(h1, c);
  }
  return dotted && holds(filter, h1, bits, hashes);
}

/** Expected share of false positives per probe for n suffixes (reported by the build and the bench). */
export function falsePositiveRate(n: number, bits = HOST_FILTER_BITS, hashes = HOST_FILTER_HASHES): number {
  return (1 - Math.exp((-hashes * n) / bits)) ** hashes;
}
