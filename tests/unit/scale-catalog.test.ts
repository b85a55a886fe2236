/**
 * The benchmark's ten-times catalog (scripts/bench/scale-catalog.ts): never in what ships (no
 * variable, the build's database is src/data's), and when asked for, n times the providers,
 * products, hosts and markers, every copy valid and under a reserved name.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogScale, loadCatalog, outDirFor, SCALE_ENV } from '../../scripts/bench/scale-catalog.ts';
import { loadDatabase } from '../../scripts/database/load-sources.ts';
import { riskDatabasePlugin } from '../../scripts/vite-plugin-database.ts';
import { compileDetectionHints } from '../../src/core/detection/detection-hints.ts';
import type { CompiledDatabase } from '../../src/core/database/compile-database.ts';

const DATA = resolve(import.meta.dirname, '../../src/data');

/** What the build's virtual:risk-database module exports, as the plugin makes it now. */
function builtDatabase(): CompiledDatabase {
  const plugin = riskDatabasePlugin(DATA) as unknown as { buildStart(): void; load(this: { addWatchFile(path: string): void }, id: string): string };
  plugin.buildStart();
  const code = plugin.load.call({ addWatchFile: () => undefined }, '\0virtual:risk-database');
  const literal = /^export default JSON\.parse\((".*")\);$/s.exec(code)?.[1];
  expect(literal).toBeDefined();
  return JSON.parse(JSON.parse(literal!) as string) as CompiledDatabase;
}

const counts = (db: CompiledDatabase) => {
  const products = db.providers.flatMap((p) => p.products);
  return {
    providers: db.providers.length,
    products: products.length,
    hosts: products.flatMap((p) => p.hosts).length,
    markers: products.flatMap((p) => p.markers ?? []).length,
  };
};

describe('the catalog a build compiles', () => {
  it('without AJG_CATALOG_SCALE is src/data as it is, and the build goes to dist/', () => {
    const before = process.env[SCALE_ENV];
    delete process.env[SCALE_ENV];
    try {
      const plain = loadDatabase(DATA);
      expect(builtDatabase()).toEqual(JSON.parse(JSON.stringify(plain)));
      expect(loadCatalog(DATA, {})).toEqual(plain);
      expect(outDirFor('chrome', {})).toBe('dist/chrome');
      expect(catalogScale({ [SCALE_ENV]: '1' })).toBeUndefined();
    } finally {
      if (before !== undefined) process.env[SCALE_ENV] = before;
    }
  });

  it('with AJG_CATALOG_SCALE=10 holds ten times the entries, all valid, the copies under .bench.invalid', () => {
    const env = { [SCALE_ENV]: '10' };
    const plain = loadDatabase(DATA);
    // loadCatalog validates the padded files as the build does: a bad copy would throw here.
    const scaled = loadCatalog(DATA, env);
    const base = counts(plain);
    expect(counts(scaled)).toEqual({ providers: base.providers * 10, products: base.products * 10, hosts: base.hosts * 10, markers: base.markers * 10 });
    expect(outDirFor('firefox', env)).toBe('dist-bench/x10/firefox');

    // The real entries are all there unchanged; every other host is a made-up one.
    const realIds = new Set(plain.providers.map((p) => p.id));
    for (const provider of plain.providers) expect(scaled.providers.find((p) => p.id === provider.id)).toEqual(provider);
    const copies = scaled.providers.filter((p) => !realIds.has(p.id));
    const copyHosts = copies.flatMap((p) => p.products.flatMap((q) => q.hosts.map((h) => h.host)));
    expect(copyHosts.length).toBe(base.hosts * 9);
    expect(copyHosts.every((h) => /\.x[1-9]\.bench\.invalid$/.test(h))).toBe(true);
    expect(new Set(copyHosts).size).toBe(copyHosts.length);

    // The content scripts' hints grow with it (what the per-frame bench is about).
    const hints = compileDetectionHints(scaled.providers);
    const plainHints = compileDetectionHints(plain.providers);
    expect(hints.globals.length).toBe(plainHints.globals.length * 10);
    expect(hints.selectors.length).toBe(plainHints.selectors.length * 10);
    expect(hints.hostSuffixes.length).toBe(plainHints.hostSuffixes.length * 10);
  });

  it('rejects a scale that is not a whole number in range', () => {
    for (const bad of ['0', '-2', '2.5', 'ten', '1000']) expect(() => catalogScale({ [SCALE_ENV]: bad })).toThrow(SCALE_ENV);
    expect(catalogScale({ [SCALE_ENV]: ' 10 ' })).toBe(10);
  });
});
