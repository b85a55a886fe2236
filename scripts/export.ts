#!/usr/bin/env -S npx tsx
/**
 * npm run -s export -- --format <format> [--blocked-only|--all] [--country CN] [--level high]
 *                      [--policy policy.json] [--settings settings.json] [--out file]
 *
 * The database's AI hosts for other layers: hosts file, AdGuard/uBlock list, DNS RPZ zone,
 * Chrome/Edge URLBlocklist policy JSON, Defender for Endpoint indicators CSV, plain domain list
 * (docs/exports.md). Block settings come from a managed-policy JSON (the extension's own keys) and
 * a settings file saved from the options page; with either, the default is --blocked-only,
 * without both, --all. The file goes to stdout (or --out); what was left out, to stderr.
 * Exit 2 for unusable input.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { databaseVersion } from '../src/core/database/database-version.ts';
import { exportEntries, type ExportFilter } from '../src/core/export/export-entries.ts';
import { EXPORT_FORMATS, type ExportFormat, exportFile } from '../src/core/export/export-formats.ts';
import { selectionText } from '../src/core/export/export-selection.ts';
import { countryProblem } from '../src/core/policy-parse.ts';
import { policyStateOf } from '../src/core/policy-state.ts';
import { isRiskLevel } from '../src/core/risk-level.ts';
import { RiskDatabase } from '../src/core/risk-database.ts';
import { SETTINGS_FILE_FORMAT } from '../src/core/settings-transfer/settings-file.ts';
import { loadDatabase } from './database/load-sources.ts';

const USAGE = `usage: npm run -s export -- --format <${EXPORT_FORMATS.join('|')}> [--blocked-only|--all] [--country CC] [--level low|unknown|medium|high] [--policy policy.json] [--settings settings.json] [--out file]`;

function fail(message: string): never {
  process.stderr.write(`export: ${message}\n`);
  process.exit(2);
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    fail(`${what} ${path} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function main(argv: string[]): void {
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (['--blocked-only', '--all', '--help'].includes(arg)) flags.add(arg);
    else if (['--format', '--country', '--level', '--policy', '--settings', '--out'].includes(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) fail(`${arg} needs a value\n${USAGE}`);
      opts.set(arg, value);
    } else fail(`unknown argument ${arg}\n${USAGE}`);
  }
  if (flags.has('--help')) return void process.stdout.write(`${USAGE}\n`);
  const format = opts.get('--format');
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) fail(`--format must be one of ${EXPORT_FORMATS.join(', ')}\n${USAGE}`);
  if (flags.has('--blocked-only') && flags.has('--all')) fail('--blocked-only and --all exclude each other');
  const country = opts.get('--country')?.toUpperCase();
  if (country !== undefined && countryProblem(country)) fail(`--country: ${countryProblem(country)}`);
  const level = opts.get('--level');
  if (level !== undefined && !isRiskLevel(level)) fail('--level must be one of low, unknown, medium, high');

  const policyPath = opts.get('--policy');
  const settingsPath = opts.get('--settings');
  const rawPolicy = policyPath ? readJson(policyPath, 'the policy') : {};
  let rawUser: unknown = {};
  if (settingsPath) {
    const file = readJson(settingsPath, 'the settings file') as { format?: unknown; settings?: unknown };
    if (file?.format !== SETTINGS_FILE_FORMAT) fail(`${settingsPath} is not a settings file saved from the options page`);
    rawUser = file.settings;
  }
  const bundled = new RiskDatabase(loadDatabase(process.env.AJG_DATA_DIR ?? fileURLToPath(new URL('../src/data', import.meta.url))));
  const state = policyStateOf(bundled, rawUser, rawPolicy);
  for (const p of [...state.policyProblems, ...state.userProblems]) process.stderr.write(`export: left out of the settings: ${p.key}: ${p.reason}\n`);
  const filter: ExportFilter = {
    blockedOnly: flags.has('--blocked-only') || (!flags.has('--all') && (policyPath !== undefined || settingsPath !== undefined)),
    ...(country ? { country } : {}),
    ...(level && isRiskLevel(level) ? { level } : {}),
  };
  const v = databaseVersion(state.db);
  const file = exportFile(format as ExportFormat, exportEntries(state.db, state.settings, filter), { now: Date.now(), selection: selectionText(filter), database: `reviewed ${v.reviewed}, fingerprint ${v.fingerprint}` });
  const out = opts.get('--out');
  if (out) writeFileSync(out, file.text);
  else process.stdout.write(file.text);
  process.stderr.write(`export: ${file.count} entries (${format}, ${selectionText(filter)})${out ? ` written to ${out}` : ''}\n`);
  for (const l of file.leftOut) process.stderr.write(`export: left out ${l.host}: ${l.why}\n`);
  if (format === 'defender-csv' && file.count > 500) process.stderr.write('export: Defender imports at most 500 indicators per file: split the file, or narrow it with --country or --level\n');
}

main(process.argv.slice(2));
