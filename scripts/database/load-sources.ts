/**
 * Reads the database source files (src/data/{providers,jurisdictions,laws}/*.json), validates and
 * compiles them. Shared by the build plugin, the lookup command, the benchmark and the tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type CompiledDatabase, compileDatabase } from '../../src/core/database/compile-database.ts';
import { type DatabaseFiles, DatabaseError, type SourceFile, validateDatabase } from '../../src/core/database/validate-database.ts';

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
  return compileDatabase(validateDatabase(readSources(dataDir), today));
}

/** Every source file, for watch mode. */
export function sourcePaths(dataDir: string): string[] {
  return DATA_FOLDERS.flatMap((folder) => {
    const dir = join(dataDir, folder);
    return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')).map((n) => join(dir, n)) : [];
  });
}
