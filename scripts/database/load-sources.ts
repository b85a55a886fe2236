/**
 * Reads the database source files (src/data/{providers,jurisdictions,laws}/*.json), validates and
 * compiles them, and checks src/data/exclusions.json against the result. Shared by the build
 * plugin, the lookup and coverage commands, the benchmark and the tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type CompiledDatabase, compileDatabase } from '../../src/core/database/compile-database.ts';
import { type Exclusion, validateExclusions } from '../../src/core/database/exclusions.ts';
import { type DatabaseFiles, DatabaseError, type SourceFile, validateDatabase } from '../../src/core/database/validate-database.ts';
import { RiskDatabase } from '../../src/core/risk-database.ts';

export const DATA_FOLDERS = ['providers', 'jurisdictions', 'laws'] as const;

/** Every `.json` file of one folder, sorted; unparsable JSON is reported with the file name. */
function readFolder(dataDir: string, folder: string, problems: string[]): SourceFile[] {
  const dir = join(dataDir, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      const file = relative(process.cwd(), path) || path;
      try {
        return [{ file, data: JSON.parse(readFileSync(path, 'utf8')) as unknown }];
      } catch (error) {
        problems.push(`${file}: (file): not valid JSON: ${(error as Error).message}`);
        return [];
      }
    });
}

export function readSources(dataDir: string): DatabaseFiles {
  const problems: string[] = [];
  const files = {
    providers: readFolder(dataDir, 'providers', problems),
    jurisdictions: readFolder(dataDir, 'jurisdictions', problems),
    laws: readFolder(dataDir, 'laws', problems),
  };
  if (problems.length) throw new DatabaseError(problems);
  return files;
}

/** Validated and compiled; throws DatabaseError naming every bad file, entry and field. */
export function loadDatabase(dataDir: string, today?: string): CompiledDatabase {
  const compiled = compileDatabase(validateDatabase(readSources(dataDir), today));
  loadExclusions(dataDir, new RiskDatabase(compiled), today);
  return compiled;
}

export const EXCLUSIONS_FILE = 'exclusions.json';

/** src/data/exclusions.json, checked (and against `db`: no host both claimed and excluded); none when absent. */
export function loadExclusions(dataDir: string, db: RiskDatabase, today = new Date().toISOString().slice(0, 10)): Exclusion[] {
  const path = join(dataDir, EXCLUSIONS_FILE);
  if (!existsSync(path)) return [];
  const file = relative(process.cwd(), path) || path;
  const problems: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DatabaseError([`${file}: (file): not valid JSON: ${(error as Error).message}`]);
  }
  const claimedBy = (host: string) => {
    const match = db.lookupHost(host);
    return match && `${match.provider.id} (${match.product.id}, ${match.host.host})`;
  };
  const exclusions = validateExclusions(file, data, claimedBy, today, problems);
  if (problems.length) throw new DatabaseError(problems);
  return exclusions;
}

/** Every source file, for watch mode. */
export function sourcePaths(dataDir: string): string[] {
  const exclusions = join(dataDir, EXCLUSIONS_FILE);
  return [...(existsSync(exclusions) ? [exclusions] : []), ...DATA_FOLDERS.flatMap((folder) => {
    const dir = join(dataDir, folder);
    return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')).map((n) => join(dir, n)) : [];
  })];
}
