/** The small database under tests/fixtures/database, loaded the way the build loads src/data. */
import { compileDatabase, type CompiledDatabase } from '../../src/core/database/compile-database.ts';
import { RiskDatabase } from '../../src/core/risk-database.ts';
import type { FindingRef } from '../../src/core/tab-state.ts';
import { DatabaseError, type DatabaseFiles, validateDatabase } from '../../src/core/database/validate-database.ts';
import { readSources } from '../../scripts/database/load-sources.ts';

export const FIXTURE_DIR = 'tests/fixtures/database';
export const TODAY = '2026-11-22';

/** Fresh parsed copies of the fixture files, for tests that break them. */
export const fixtureFiles = (): DatabaseFiles => readSources(FIXTURE_DIR);

export function fixtureCompiled(edit?: (files: DatabaseFiles) => void): CompiledDatabase {
  const files = fixtureFiles();
  edit?.(files);
  return compileDatabase(validateDatabase(files, TODAY));
}

export const fixtureDatabase = (edit?: (files: DatabaseFiles) => void) => new RiskDatabase(fixtureCompiled(edit));

/** The file of one fixture provider, by id, for edits. */
export function providerFile(files: DatabaseFiles, id: string): Record<string, any> {
  const found = files.providers.find((f) => f.file.endsWith(`/${id}.json`));
  if (!found) throw new Error(`no fixture provider ${id}`);
  return found.data as Record<string, any>;
}

export function refIn(db: RiskDatabase, host: string): FindingRef | undefined {
  const match = db.lookupHost(host);
  return match && { providerId: match.provider.id, productId: match.product.id, role: match.host.role };
}

/** The problems validation reports once `edit` has broken the fixture files (none: []). */
export function problemsOf(edit: (files: DatabaseFiles) => void): string[] {
  const files = fixtureFiles();
  edit(files);
  try {
    validateDatabase(files, TODAY);
  } catch (error) {
    if (error instanceof DatabaseError) return error.problems;
    throw error;
  }
  return [];
}
