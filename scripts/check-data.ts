/**
 * npm run -s check-data [-- <file> ...]: validates src/data and prints every problem, or only
 * those of the files named (useful while other files are still being written). Exit 1 on problems.
 */
import { fileURLToPath } from 'node:url';
import { relative, resolve } from 'node:path';
import { DatabaseError } from '../src/core/database/validate-database.ts';
import { loadDatabase } from './database/load-sources.ts';

const only = process.argv.slice(2).map((f) => relative(process.cwd(), resolve(f)));
try {
  loadDatabase(process.env.AJG_DATA_DIR ?? fileURLToPath(new URL('../src/data', import.meta.url)));
  console.log('risk database: no problems');
} catch (error) {
  if (!(error instanceof DatabaseError)) throw error;
  const shown = only.length ? error.problems.filter((p) => only.some((f) => p.startsWith(`${f}:`))) : error.problems;
  for (const p of shown) console.log(p);
  console.log(`${shown.length} problem(s)${only.length ? ` in the files named (${error.problems.length} in all)` : ''}`);
  if (shown.length) process.exitCode = 1;
}
