/**
 * npm run -s check-data [-- <file> ...]: validates src/data and prints every problem, or only
 * those of the files named (useful while other files are still being written). Exit 1 on problems.
 * A valid database gets its completeness per fact (how many providers state it) and the sources
 * not reviewed for over a year (src/core/database/completeness.ts), the coverage of Chinese text
 * (chinese-text.ts); `--missing <field>` lists the providers that lack that fact and record no
 * search for it, one id a line.
 */
import { fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';
import { COMPLETENESS_FIELDS, completenessLines, completenessOf, staleSources } from '../src/core/database/completeness.ts';
import { chineseTextLines, chineseTextReport } from '../src/core/database/chinese-text.ts';
import { DatabaseError } from '../src/core/database/validate-database.ts';
import { loadDatabase } from './database/load-sources.ts';

const args = process.argv.slice(2);
const missingAt = args.indexOf('--missing');
const missingField = missingAt >= 0 ? args[missingAt + 1] : undefined;
if (missingAt >= 0 && !(COMPLETENESS_FIELDS as readonly string[]).includes(missingField ?? '')) {
  console.error(`check-data: --missing takes one of ${COMPLETENESS_FIELDS.join(', ')}`);
  process.exit(2);
}
const only = args.filter((a, i) => !a.startsWith('--') && (missingAt < 0 || i !== missingAt + 1)).map((f) => relative(process.cwd(), resolve(f)));
const dataDir = process.env.AJG_DATA_DIR ?? fileURLToPath(new URL('../src/data', import.meta.url));
const out: string[] = [];
try {
  const today = new Date().toISOString().slice(0, 10);
  // The whole check (exclusions too); its compiled tables hold every validated file for the counts.
  const compiled = loadDatabase(dataDir, today);
  const source = { providers: compiled.providers, jurisdictions: Object.values(compiled.jurisdictions), laws: Object.values(compiled.laws) };
  const rows = completenessOf(source.providers);
  if (missingField) out.push(...rows.find((r) => r.field === missingField)!.missing);
  else {
    out.push('risk database: no problems');
    if (!only.length) {
      out.push('', `completeness (${source.providers.length} providers; a fact counts when the provider or each of its products states it):`, ...completenessLines(rows));
      out.push('', 'Chinese text (jurisdiction reasons; law names, summaries and article gists):', ...chineseTextLines(chineseTextReport(source)));
      const stale = staleSources(source, today);
      out.push('', `sources reviewed more than 365 days ago: ${stale.length}`, ...stale.map((s) => `  ${s.at}: ${s.source.url} (reviewed ${s.source.reviewed})`));
    }
  }
} catch (error) {
  if (!(error instanceof DatabaseError)) throw error;
  const shown = only.length ? error.problems.filter((p) => only.some((f) => p.startsWith(`${f}:`))) : error.problems;
  out.push(...shown, `${shown.length} problem(s)${only.length ? ` in the files named (${error.problems.length} in all)` : ''}`);
  if (shown.length) process.exitCode = 1;
}
// One write: a reader that stops early (`| head`) gets no EPIPE trace.
process.stdout.on('error', () => {});
process.stdout.write(`${out.join('\n')}\n`);
