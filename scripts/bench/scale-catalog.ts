/**
 * A synthetic catalog n times today's size, for benchmarks only (issue 17: "per-frame cost
 * independent of the catalog's size", proved on a ten-times catalog). Set
 * `AJG_CATALOG_SCALE=<n>` when building and the database the build compiles (the background's
 * `virtual:risk-database` and the content scripts' detection hints, both in vite.config.ts) holds
 * n - 1 renamed copies of every provider next to the real ones, and the build goes to
 * `dist-bench/x<n>/<target>` instead of dist/. Without the variable nothing changes: the shipped
 * build never contains a copy.
 *
 * The copies are made from the source files, before validation, so they pass the same checks as
 * real entries: every id, host, marker and model pattern is renamed to something no other entry
 * claims. Hosts go under the reserved `.invalid` top-level domain (RFC 2606), so no copy can ever
 * match a real site: `api.openai.com` → `api.openai.com.x3.bench.invalid`.
 */
import { join } from 'node:path';
import { type CompiledDatabase, compileDatabase } from '../../src/core/database/compile-database.ts';
import type { DatabaseFiles, SourceFile } from '../../src/core/database/validate-database.ts';
import { validateDatabase } from '../../src/core/database/validate-database.ts';
import { GLOBAL_MARKER_RE, SELECTOR_MARKER_RE } from '../../src/core/database/validate-provider.ts';
import { RiskDatabase } from '../../src/core/risk-database.ts';
import { loadDatabase, loadExclusions, readSources } from '../database/load-sources.ts';

export const SCALE_ENV = 'AJG_CATALOG_SCALE';
/** Beyond this the build takes minutes and the page hook's host list megabytes: not a useful bench. */
export const MAX_SCALE = 100;

/** The scale asked for in `env`: a whole number from 2 to MAX_SCALE, or undefined (no variable, or 1). */
export function catalogScale(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env[SCALE_ENV]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_SCALE) throw new Error(`${SCALE_ENV}=${raw}: expected a whole number from 1 to ${MAX_SCALE}`);
  return n === 1 ? undefined : n;
}

/** Where a scaled build goes; the shipped dist/<target> without scaling. */
export function outDirFor(target: string, env: NodeJS.ProcessEnv = process.env): string {
  const n = catalogScale(env);
  return n === undefined ? `dist/${target}` : `dist-bench/x${n}/${target}`;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** `value` with `tail` appended, or a made-up unique value when that would break `re` (too long). */
function renamed(value: string, tail: string, re: RegExp, fallback: string): string {
  const candidate = `${value}${tail}`;
  return re.test(candidate) ? candidate : fallback;
}

/** Copy number `i` (1 … n-1) of one provider file, every claimed name renamed. */
function copyOf(source: SourceFile, i: number): SourceFile {
  const tag = `x${i}`;
  const raw = structuredClone(source.data) as Json;
  const id = `${String(raw.id)}-${tag}`;
  raw.id = id;
  raw.name = `${String(raw.name)} (${tag})`;
  for (const product of list(raw.products)) {
    if (!isObj(product)) continue;
    product.id = `${String(product.id)}-${tag}`;
    for (const h of list(product.hosts)) if (isObj(h)) h.host = `${String(h.host)}.${tag}.bench.invalid`;
    list(product.markers).forEach((m, k) => {
      if (!isObj(m)) return;
      const value = String(m.value);
      m.value = m.kind === 'global'
        ? renamed(value, `_${tag}`, GLOBAL_MARKER_RE, `__benchMarker_${tag}_${k}_${product.id}`.replace(/[^A-Za-z0-9_$]/g, '_').slice(0, 64))
        : renamed(value, `[data-bench-${tag}]`, SELECTOR_MARKER_RE, `[data-bench-${tag}-${String(product.id)}-${k}]`);
    });
  }
  for (const family of list(raw.models)) {
    if (!isObj(family)) continue;
    family.id = `${String(family.id)}-${tag}`;
    family.patterns = list(family.patterns).map((p) => `${tag}-${String(p)}`);
    if ('namespaces' in family) family.namespaces = list(family.namespaces).map((n) => `${tag}-${String(n)}`);
  }
  return { file: join(source.file, '..', `${id}.json`), data: raw };
}

/** The source files with `scale - 1` renamed copies of every provider file added. */
export function scaledSources(files: DatabaseFiles, scale: number): DatabaseFiles {
  const copies = Array.from({ length: Math.max(0, scale - 1) }, (_, k) => files.providers.map((f) => copyOf(f, k + 1))).flat();
  return { ...files, providers: [...files.providers, ...copies] };
}

/**
 * The database a build compiles: src/data as it is (loadDatabase), or, with AJG_CATALOG_SCALE
 * set, padded and then validated and compiled the same way (a copy that breaks a rule fails the
 * build as a real entry would).
 */
export function loadCatalog(dataDir: string, env: NodeJS.ProcessEnv = process.env): CompiledDatabase {
  const scale = catalogScale(env);
  if (scale === undefined) return loadDatabase(dataDir);
  const compiled = compileDatabase(validateDatabase(scaledSources(readSources(dataDir), scale)));
  loadExclusions(dataDir, new RiskDatabase(compiled));
  return compiled;
}
