/**
 * How complete the database's facts are (`npm run -s check-data` prints it, docs/data.md): for
 * each fact a user reads on a card, how many providers state it, for themselves or for every one
 * of their products; and which sources have not been reviewed for over a year.
 */
import type { OperatingFacts, Provider, RiskDatabaseSource, Source } from '../provider.ts';

export const COMPLETENESS_FIELDS = ['operator', 'privacyPolicy', 'terms', 'parent', 'dataLocations', 'trainsOnInputs', 'retention'] as const;
export type CompletenessField = (typeof COMPLETENESS_FIELDS)[number];

export interface FieldCompleteness {
  field: CompletenessField;
  /** Providers that state it (themselves, or for each of their products). */
  stated: number;
  /** Providers whose sources were read without finding it (`notFound`), with what was read. */
  notFound: string[];
  total: number;
  /** Ids of the providers that neither state it nor record a search, for the next person to look. */
  missing: string[];
}

/** Parent counts as stated when the file says there is none (`noParent`): that is the answer. */
const has = (x: OperatingFacts, field: keyof OperatingFacts) => x[field] !== undefined || (field === 'parent' && x.noParent !== undefined);

/** A provider states a fact when it does at the top or every one of its products does. */
const states = (p: Provider, field: keyof OperatingFacts) => has(p, field) || (p.products.length > 0 && p.products.every((x) => has(x, field)));

export function completenessOf(providers: readonly Provider[]): FieldCompleteness[] {
  const own = providers.filter((p) => p.addedBy !== 'organization');
  return COMPLETENESS_FIELDS.map((field) => {
    const without = own.filter((p) => !states(p, field));
    const searched = (p: Provider) => p.notFound?.some((n) => n.field === field) === true;
    return {
      field,
      stated: own.length - without.length,
      notFound: without.filter(searched).map((p) => p.id),
      total: own.length,
      missing: without.filter((p) => !searched(p)).map((p) => p.id),
    };
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

const percent = (n: number, total: number) => `${total ? ((100 * n) / total).toFixed(1) : '0.0'} %`;

/**
 * The completeness as lines a person reads:
 * "privacy policy      250 of 314 (79.6 %) · searched, not found 20 · not yet looked at 44".
 */
export function completenessLines(rows: readonly FieldCompleteness[]): string[] {
  const words: Record<CompletenessField, string> = {
    operator: 'operator confirmed',
    privacyPolicy: 'privacy policy',
    terms: 'terms',
    parent: 'parent (or none)',
    dataLocations: 'data locations',
    trainsOnInputs: 'training default',
    retention: 'retention',
  };
  const width = Math.max(...rows.map((r) => words[r.field].length));
  return rows.map((r) => {
    const head = `  ${words[r.field].padEnd(width)}  ${String(r.stated).padStart(4)} of ${r.total} (${percent(r.stated, r.total)})`;
    return r.field === 'operator' ? head : `${head} · searched, not found ${r.notFound.length} · not yet looked at ${r.missing.length}`;
  });
}
