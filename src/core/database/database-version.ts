/**
 * Which risk database is bundled, in words a support desk can compare: the compiled format, the
 * most recent date any of its sources was reviewed, and a fingerprint of the compiled data (two
 * builds with the same data have the same fingerprint; any change of an entry changes it). The
 * database has no version number of its own: it is compiled from src/data at build time.
 */
import type { RiskDatabase } from '../risk-database.ts';

export interface DatabaseVersion {
  format: number;
  /** `YYYY-MM-DD`, or empty when no source has a date. */
  reviewed: string;
  /** 8 hex digits (FNV-1a, 32 bits). */
  fingerprint: string;
}

const cache = new WeakMap<RiskDatabase, DatabaseVersion>();

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function databaseVersion(db: RiskDatabase): DatabaseVersion {
  const hit = cache.get(db);
  if (hit) return hit;
  const json = JSON.stringify(db.compiled);
  // Every source's review date appears in the JSON as "reviewed":"YYYY-MM-DD".
  let reviewed = '';
  for (const m of json.matchAll(/"reviewed":"(\d{4}-\d{2}-\d{2})"/g)) if (m[1]! > reviewed) reviewed = m[1]!;
  const version = { format: db.compiled.format, reviewed, fingerprint: fnv1a(json) };
  cache.set(db, version);
  return version;
}
