/**
 * The host patterns of the risk database in one flat hash table, for a look-up that costs the
 * same whatever the number of patterns and allocates nothing (scripts/bench-lookup.ts measures
 * both). Every request the extension observes is looked up, so this is on the hot path.
 *
 * A name is scanned once from its end, keeping a running hash of the suffix read so far; at each
 * label boundary that hash is the key of the suffix starting there, so no suffix string is ever
 * cut. (The look-up this replaces lower-cased every name, cut one string per label, which V8
 * hashes again, and probed a Map with it; the Map probes grew slower with the Map's size.)
 * The table is open addressing over one typed array: slot -> suffix hash and entry number. A hash hit
 * is confirmed by comparing the entry's suffix with the name's tail, so collisions cost a compare,
 * never a wrong answer.
 *
 * Precedence is the one risk-database.ts documents: the entry covering the most labels wins, a
 * plain host beats a `*` pattern covering as many, and between `*` patterns covering as many the
 * one with the longer fixed suffix, then the one listed first.
 */

/** A `*` pattern filed under its fixed suffix: its labels before that suffix, `*` for any one. */
export interface WildEntry<T> {
  prefix: readonly string[];
  value: T;
}

// FNV-1a, 32 bits, fed the characters from the end of the name towards its start.
const SEED = 0x811c9dc5 | 0;
const step = (hash: number, code: number) => Math.imul(hash ^ code, 0x01000193);
const DOT = 46;
/** RFC 1035's limit on a name's text form; longer ones are never looked up. */
const MAX_NAME = 253;

// Scratch space of a look-up: where each probed suffix starts and its hash, shortest suffix
// first. Shared by every table; a look-up never calls out, so it cannot be re-entered.
const MAX_CUTS = MAX_NAME + 2;
const cutStart = new Int32Array(MAX_CUTS);
const cutHash = new Int32Array(MAX_CUTS);

/** Hash of `key` as a look-up computes it for a suffix equal to `key`. */
function keyHash(key: string): number {
  let hash = SEED;
  for (let i = key.length - 1; i >= 0; i--) hash = step(hash, key.charCodeAt(i));
  return hash;
}

export class HostTable<T> {
  private readonly keys: string[] = [];
  private readonly exact: (T | undefined)[] = [];
  private readonly wild: (readonly WildEntry<T>[] | undefined)[] = [];
  /**
   * Slot i is [2i] the hash of its entry's key and [2i + 1] the entry number + 1, 0 for an empty
   * slot: side by side, so that a probe reads one cache line, whatever the table's size.
   */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** The most labels any `*` pattern has before its fixed suffix. */
  private readonly longestPrefix: number = 0;

  /**
   * `hosts`: plain host -> value. `wildcards`: fixed suffix -> the `*` patterns ending in it, in
   * the order their ties are broken (first listed wins).
   */
  constructor(hosts: Iterable<[string, T]>, wildcards: Iterable<[string, readonly WildEntry<T>[]]>) {
    const index = new Map<string, number>();
    const entry = (key: string) => {
      let e = index.get(key);
      if (e === undefined) {
        e = this.keys.push(key) - 1;
        this.exact.push(undefined);
        this.wild.push(undefined);
        index.set(key, e);
      }
      return e;
    };
    for (const [host, value] of hosts) this.exact[entry(host)] = value;
    for (const [suffix, list] of wildcards) {
      if (list.length) this.wild[entry(suffix)] = list;
      for (const { prefix } of list) this.longestPrefix = Math.max(this.longestPrefix, prefix.length);
    }

    // At most half full, so that a miss usually ends at the first or second slot.
    let size = 8;
    while (size < this.keys.length * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2);
    this.keys.forEach((key, e) => {
      const hash = keyHash(key);
      let slot = hash & this.mask;
      while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot * 2] = hash;
      this.slots[slot * 2 + 1] = e + 1;
    });
  }

  /**
   * The value of the most specific pattern covering `hostname`, read as a lower-cased name
   * without one trailing dot (hostname.ts, normalizeHostname).
   */
  lookup(hostname: string): T | undefined {
    let name = hostname;
    let end = name.length;
    if (end > 0 && name.charCodeAt(end - 1) === DOT) end--;
    // toLowerCase never shortens a string (one character, U+0130, grows), so this holds for the
    // lower-cased name too.
    if (end > MAX_NAME) return undefined;
    let cuts = this.scan(name, end, true);
    if (cuts < 0) {
      // Upper case or non-ASCII: lower-case the Unicode way (U+212A KELVIN SIGN becomes `k`),
      // as every other place that compares host names does.
      name = hostname.toLowerCase();
      end = name.length - (name.endsWith('.') ? 1 : 0);
      if (end > MAX_NAME) return undefined;
      cuts = this.scan(name, end, false);
    }
    return this.best(name, end, cuts);
  }

  /**
   * Fills the scratch arrays with the suffixes of name[0, end) that start a label, shortest
   * first; the shortest, the last label alone, is never an entry (best() skips it). Returns how
   * many, or -1 when `asciiLower` is set and a character needs lower-casing or is not ASCII.
   */
  private scan(name: string, end: number, asciiLower: boolean): number {
    let hash = SEED;
    let cuts = 0;
    let odd = 0;
    for (let i = end - 1; i >= 0; i--) {
      const code = name.charCodeAt(i);
      if (code === DOT) {
        cutStart[cuts] = i + 1;
        cutHash[cuts++] = hash;
      }
      // Sign bit set for A-Z (both differences non-negative) and above 127; no branch per character.
      odd |= ~((90 - code) | (code - 65)) | (127 - code);
      hash = step(hash, code);
    }
    if (asciiLower && odd < 0) return -1;
    if (cuts > 0) {
      cutStart[cuts] = 0;
      cutHash[cuts++] = hash;
    }
    return cuts;
  }

  /** Longest suffix first; the label number of suffix `k` is cuts - 1 - k. */
  private best(name: string, end: number, cuts: number): T | undefined {
    let best: T | undefined;
    let bestLabel = Infinity;
    for (let k = cuts - 1; k > 0; k--) {
      const label = cuts - 1 - k;
      // A `*` pattern filed under this suffix or a shorter one starts at least `longestPrefix`
      // labels before it: once that cannot beat the best found, nothing further can.
      if (label - this.longestPrefix >= bestLabel) break;
      const e = this.find(name, cutStart[k]!, end, cutHash[k]!, best === undefined);
      if (e < 0) continue;
      const exact = this.exact[e];
      // Label numbers only grow from here: the first plain host found is the most specific.
      if (best === undefined && exact !== undefined) {
        best = exact;
        bestLabel = label;
      }
      const wild = this.wild[e];
      if (wild === undefined) continue;
      for (const { prefix, value } of wild) {
        const from = label - prefix.length;
        if (from >= 0 && from < bestLabel && prefixMatches(name, prefix, from, cuts)) {
          best = value;
          bestLabel = from;
        }
      }
    }
    return best;
  }

  /**
   * The entry whose key is name[start, end), or -1; also -1 for an entry of plain hosts only when
   * `wantExact` is false (no need to compare its text).
   */
  private find(name: string, start: number, end: number, hash: number, wantExact: boolean): number {
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const e = this.slots[slot * 2 + 1]! - 1;
      if (e < 0) return -1;
      if (this.slots[slot * 2] !== hash || (!wantExact && this.wild[e] === undefined)) continue;
      const key = this.keys[e]!;
      if (key.length !== end - start) continue;
      // The whole name: one native compare; a suffix: a loop, with no string cut for it.
      if (start === 0 && end === name.length ? key === name : sameText(name, start, key)) return e;
    }
  }
}

/** Labels `from`, `from + 1`, … of the name match `prefix`, `*` standing for any one non-empty label. */
function prefixMatches(name: string, prefix: readonly string[], from: number, cuts: number): boolean {
  for (let i = 0; i < prefix.length; i++) {
    const want = prefix[i]!;
    // Label j starts at cutStart[cuts - 1 - j] and ends at the dot before label j + 1.
    const start = cutStart[cuts - 1 - from - i]!;
    const length = cutStart[cuts - 2 - from - i]! - 1 - start;
    // `*` is one label, never an empty one (`a..deepseek.com` is no subdomain of any pattern's).
    if (want === '*' ? length === 0 : want.length !== length || !sameText(name, start, want)) return false;
  }
  return true;
}

/**
 * name[start, start + text.length) is `text`. A plain loop: `startsWith` with a position argument
 * measured several times slower for these short strings in V8 (node 20).
 */
function sameText(name: string, start: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (name.charCodeAt(start + i) !== text.charCodeAt(i)) return false;
  return true;
}
