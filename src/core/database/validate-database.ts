/**
 * Runtime schema check of the database source files (docs/data.md). The build runs it through
 * scripts/vite-plugin-database.ts, so a bad entry fails `npm run build` and `npm test` with one
 * line per problem naming the file, the entry and the field; the extension then trusts the
 * compiled data.
 */
import { Checker } from './checker.ts';
import { chineseTextReport } from './chinese-text.ts';
import { validateJurisdiction, validateLaws } from './validate-jurisdiction.ts';
import { newClaims, validateProvider } from './validate-provider.ts';
import type { RiskDatabaseSource } from '../provider.ts';

export { isKnownCountryCode } from '../country.ts';
export { reviewDateProblem } from './review-date.ts';

export class DatabaseError extends Error {
  constructor(readonly problems: string[]) {
    super(`risk database is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${problems.join('\n  ')}`);
    this.name = 'DatabaseError';
  }
}

/** One source file: its path relative to the project (for messages) and its parsed JSON. */
export interface SourceFile {
  file: string;
  data: unknown;
}

export interface DatabaseFiles {
  providers: SourceFile[];
  jurisdictions: SourceFile[];
  laws: SourceFile[];
}

/** `src/data/providers/deepseek.json` → `deepseek`. */
const baseName = (file: string) => file.replace(/^.*[\\/]/, '').replace(/\.json$/, '');

/** The files as the database's types, unchecked: for an old revision compared with today's (sample-facts). */
export function sourceOfFiles(files: DatabaseFiles): RiskDatabaseSource {
  return {
    providers: files.providers.map((f) => f.data) as RiskDatabaseSource['providers'],
    jurisdictions: files.jurisdictions.map((f) => f.data) as RiskDatabaseSource['jurisdictions'],
    laws: files.laws.flatMap((f) => (f.data as { laws: RiskDatabaseSource['laws'] }).laws),
  };
}

/** `today` (YYYY-MM-DD, default: now) bounds review dates. Throws DatabaseError listing every problem. */
export function validateDatabase(files: DatabaseFiles, today = new Date().toISOString().slice(0, 10)): RiskDatabaseSource {
  const problems: string[] = [];
  const checker = (file: string) => new Checker(file, today, problems);

  const lawIds = new Map<string, string>();
  for (const { file, data } of files.laws) validateLaws(checker(file), data, lawIds, Number(today.slice(0, 4)));

  const rated = new Set<string>();
  for (const { file, data } of files.jurisdictions) {
    const c = checker(file);
    const cited = validateJurisdiction(c, baseName(file), data);
    const country = (data as { country?: unknown }).country;
    if (typeof country === 'string') rated.add(country);
    cited.forEach((id, i) => {
      if (!lawIds.has(id)) c.fail(`jurisdiction ${String(country)}`, `laws[${i}]`, `law "${id}" is not defined in src/data/laws`);
    });
  }

  const claims = newClaims();
  for (const { file, data } of files.providers) validateProvider(checker(file), baseName(file), data, claims);
  if (files.providers.length === 0) problems.push('src/data/providers: no provider files');

  // Every country a provider sits in needs a jurisdiction file, or its users would see "unknown"
  // for a company whose country we do know.
  for (const [country, where] of claims.countries) {
    if (!rated.has(country)) problems.push(`${where}: ${country} has no jurisdiction file (src/data/jurisdictions/${country}.json)`);
  }

  if (problems.length) throw new DatabaseError(problems);
  const source = sourceOfFiles(files);
  // What a high-risk verdict cites is read in both languages (docs/data.md, "Text in Chinese").
  const untranslated = chineseTextReport(source).required;
  if (untranslated.length) throw new DatabaseError(untranslated);
  return source;
}
