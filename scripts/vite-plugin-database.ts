/**
 * Provides `virtual:risk-database`: the risk database validated and compiled from src/data at
 * build time (scripts/database/load-sources.ts). A bad entry fails the build with one line per
 * problem naming the file, the entry and the field.
 */
import type { Plugin } from 'vite';
import type { CompiledDatabase } from '../src/core/database/compile-database.ts';
import { sourcePaths } from './database/load-sources.ts';
import { loadCatalog } from './bench/scale-catalog.ts';

const ID = 'virtual:risk-database';
const RESOLVED = `\0${ID}`;

export function riskDatabasePlugin(dataDir: string): Plugin {
  let compiled: CompiledDatabase | undefined;
  return {
    name: 'ajg:risk-database',
    // Validate at the start of every build, even one that would not import the database.
    // loadCatalog is src/data as it is, unless AJG_CATALOG_SCALE asks for a padded copy for a benchmark build.
    buildStart() {
      compiled = loadCatalog(dataDir);
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const path of sourcePaths(dataDir)) this.addWatchFile(path);
      compiled ??= loadCatalog(dataDir);
      // JSON.parse of a string literal is faster to start than an object literal of this size
      // (https://v8.dev/blog/cost-of-javascript-2019#json).
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`;
    },
  };
}
