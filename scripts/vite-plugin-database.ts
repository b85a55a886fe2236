/**
 * Fails the build when a risk-database file is invalid, naming the file, the entry and the field
 * (src/core/validate-database.ts does the checking).
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Plugin } from 'vite';
import { validateDatabase } from '../src/core/validate-database.ts';

function readJson(path: string): { file: string; data: unknown } {
  const file = relative(process.cwd(), path);
  try {
    return { file, data: JSON.parse(readFileSync(path, 'utf8')) };
  } catch (error) {
    throw new Error(`${file}: not valid JSON: ${(error as Error).message}`);
  }
}

export function validateDatabasePlugin(dataDir: string): Plugin {
  return {
    name: 'ajg:validate-database',
    buildStart() {
      const providers = readJson(`${dataDir}/providers.json`);
      const jurisdictions = readJson(`${dataDir}/jurisdictions.json`);
      this.addWatchFile(`${dataDir}/providers.json`);
      this.addWatchFile(`${dataDir}/jurisdictions.json`);
      validateDatabase({ providers, jurisdictions });
    },
  };
}
