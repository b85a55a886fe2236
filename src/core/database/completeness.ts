/**
 * How complete the database's facts are (`npm run -s check-data` prints it, docs/data.md): for
 * each fact a user reads on a card, how many providers state it, for themselves or for every one
 * of their products; and which sources have not been reviewed for over a year.
 */
import type { OperatingFacts, Provider, RiskDatabaseSource, Source } from '../provider.ts';

export const COMPLETENESS_FIELDS = ['operator', 'privacyPolicy', 'terms', 'parent', 'dataLocations', 'trainsOnInputs'] as const;
export type CompletenessField = (typeof COMPLETENESS_FIELDS)[number];

export interface FieldCompleteness {
  field: CompletenessField;
  /** Providers that state it (themselves, or for each of their products). */
  stated: number;
  total: number;
  /** Ids of the providers that do not, for the next person to look. */
  missing: string[];
}

/** A provider states a fact when it does at the top or every one of its products does. */
const states = (p: Provider, field: keyof OperatingFacts) => p[field] !== undefined || (p.products.length > 0 && p.products.every((x) => x[field] !== undefined));

export function completenessOf(providers: readonly Provider[]): FieldCompleteness[] {
  const own = providers.filter((p) => p.addedBy !== 'organization');
  return COMPLETENESS_FIELDS.map((field) => {
    const missing = own.filter((p) => !states(p, field)).map((p) => p.id);
    return { field, stated: own.length - missing.length, total: own.length, missing };
  });
}

export interface StaleSource {
  /** Where in the database: `provider deepseek: operator`, `jurisdiction CN`, `law cn-…`. */
  at: string;
  source: Source;
}

/** Every source reviewed more than `maxAgeDays` before `today` (both `YYYY-MM-DD`). */
export function staleSources(db: RiskDatabaseSource, today: string, maxAgeDays = 365): StaleSource[] {
  const cutoff = new Date(Date.parse(`${today}T00:00:00Z`) - maxAgeDays * 86_400_000).toISOString().slice(0, 10);
  const out: StaleSource[] = [];
  const visit = (at: string, value: unknown): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(`${at}[${i}]`, v));
    if (typeof value !== 'object' || value === null) return;
    const obj = value as Record<string, unknown>;
    if (typeof obj.url === 'string' && typeof obj.reviewed === 'string') {
      if (obj.reviewed < cutoff) out.push({ at, source: { url: obj.url, reviewed: obj.reviewed } });
      return;
    }
    for (const [key, v] of Object.entries(obj)) visit(at.endsWith(':') ? `${at} ${key}` : `${at}.${key}`, v);
  };
  for (const p of db.providers) visit(`provider ${p.id}:`, p);
  for (const j of db.jurisdictions) visit(`jurisdiction ${j.country}:`, j);
  for (const l of db.laws) visit(`law ${l.id}:`, l);
  return out;
}

/** The completeness as lines a person reads: "privacy policy  250 of 314 (79.6 %)". */
export function completenessLines(rows: readonly FieldCompleteness[]): string[] {
  const words: Record<CompletenessField, string> = {
    operator: 'operator confirmed',
    privacyPolicy: 'privacy policy',
    terms: 'terms',
    parent: 'parent stated',
    dataLocations: 'data locations',
    trainsOnInputs: 'training default',
  };
  const width = Math.max(...rows.map((r) => words[r.field].length));
  return rows.map((r) => `  ${words[r.field].padEnd(width)}  ${String(r.stated).padStart(4)} of ${r.total} (${r.total ? ((100 * r.stated) / r.total).toFixed(1) : '0.0'} %)`);
}
