/**
 * The audit log as files: JSON (the entries as stored) and CSV for spreadsheets.
 *
 * CSV follows RFC 4180 (fields with a comma, quote or line break are quoted, quotes doubled;
 * rows end in CRLF) and starts with a UTF-8 byte order mark, which Excel needs to read Chinese
 * and other non-ASCII text as UTF-8. Times are ISO 8601 in UTC.
 *
 * Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and some
 * with a leading tab or carriage return) as a formula, and model names and hosts come from web
 * pages. Such cells, and cells that already start with `'`, get a leading `'`, which
 * spreadsheets show as text and do not display; `parseAuditCsv` removes exactly that one quote,
 * so the export round-trips. (OWASP "CSV Injection".)
 */
import { AUDIT_FIELDS, AUDIT_TYPES, type AuditEntry, type AuditField } from './audit-entry.ts';
import { isRiskLevel } from '../risk-level.ts';

export const CSV_BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r']/;

/** One CSV cell: neutralised against formulas, then quoted when RFC 4180 needs it. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cellOf(entry: AuditEntry, field: AuditField): string {
  const value = entry[field];
  if (value === undefined) return '';
  if (field === 'time') return new Date(entry.time).toISOString();
  return String(value);
}

export function auditToCsv(entries: readonly AuditEntry[]): string {
  const rows = [AUDIT_FIELDS.join(','), ...entries.map((e) => AUDIT_FIELDS.map((f) => csvCell(cellOf(e, f))).join(','))];
  return `${CSV_BOM}${rows.join('\r\n')}\r\n`;
}

export function auditToJson(entries: readonly AuditEntry[]): string {
  return `${JSON.stringify({ format: 'ai-jurisdiction-guard-audit', version: 1, entries }, null, 2)}\n`;
}

/** RFC 4180 rows of `text` (a BOM in front is skipped). */
export function parseCsvRows(text: string): string[][] {
  const src = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && src[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += c;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** Builds an entry from exported values; throws on a value the log never holds. */
function entryOf(values: Partial<Record<AuditField, string>>): AuditEntry {
  const time = Date.parse(values.time ?? '');
  const count = Number(values.count);
  const type = values.type as AuditEntry['type'];
  if (!Number.isFinite(time) || !Number.isInteger(count) || count < 1 || !AUDIT_TYPES.includes(type)) throw new Error(`not an audit entry: ${JSON.stringify(values)}`);
  const entry: AuditEntry = { time, type, site: values.site ?? '', host: values.host ?? '', kind: values.kind ?? '', count };
  if (values.id) entry.id = Number(values.id);
  for (const f of ['providerId', 'providerName', 'product', 'model', 'country', 'rule', 'reason'] as const) if (values[f]) entry[f] = values[f];
  if (values.level) {
    if (!isRiskLevel(values.level)) throw new Error(`not a risk level: ${values.level}`);
    entry.level = values.level;
  }
  return entry;
}

/** Entries from an exported CSV (the inverse of auditToCsv). */
export function parseAuditCsv(text: string): AuditEntry[] {
  const [header, ...rows] = parseCsvRows(text);
  if (!header || header.join(',') !== AUDIT_FIELDS.join(',')) throw new Error('not an audit log CSV: unexpected header');
  return rows.map((cells) => {
    const values: Partial<Record<AuditField, string>> = {};
    AUDIT_FIELDS.forEach((f, i) => {
      const cell = cells[i] ?? '';
      values[f] = cell.startsWith("'") ? cell.slice(1) : cell;
    });
    return entryOf(values);
  });
}

/** Entries from an exported JSON file. */
export function parseAuditJson(text: string): AuditEntry[] {
  const data = JSON.parse(text) as { format?: unknown; entries?: unknown };
  if (data.format !== 'ai-jurisdiction-guard-audit' || !Array.isArray(data.entries)) throw new Error('not an audit log JSON file');
  return data.entries as AuditEntry[];
}
