/** The `--pretty` form of a lookup record: a small table a person reads in a terminal. */
import { countryName } from '../../src/core/country.ts';
import type { LookupRecord } from './lookup-record.ts';

const place = (cc: string | null | undefined) => (cc ? `${countryName(cc)} (${cc})` : 'not stated');

export function prettyRecord(r: LookupRecord): string {
  if (!r.matched) return `${r.input}\n  no AI provider in the database for ${r.host}`;
  const rows: Array<[string, string]> = [
    ['provider', `${r.providerName} (${r.provider})`],
    ['product', `${r.productName} (${r.product}), ${r.role} host, matched ${r.matchedPattern}`],
    ['operator', r.operator ? `${r.operator}, ${place(r.operatorCountry)}` : 'NOT YET VERIFIED'],
    ...(r.unverified ? [['not yet verified', `${r.unverified.missing.join(', ')} (reviewed ${r.unverified.reviewed}): ${r.unverified.note}`] as [string, string]] : []),
    ['parent', r.parent ? `${r.parent}, ${place(r.parentCountry)}` : r.noParent ? 'none (the operator is the top company)' : 'not stated'],
    ['data stored in', r.dataLocations ? r.dataLocations.map(place).join(', ') : 'not stated'],
    ['trains on inputs', `${r.trainsOnInputs === null ? 'not stated' : r.trainsOnInputs ? 'yes, by default' : 'no, by default'}${r.trainingTier ? ` (${r.trainingTier})` : ''}`],
    ...(r.otherTiers ?? []).map((o): [string, string] => [`  ${o.tier}`, o.byDefault ? (o.optOut ? 'yes, unless you opt out' : 'yes, by default') : 'no, by default']),
    ...(r.retention ? [['retention', r.retention.note] as [string, string]] : []),
    ['level', `${r.level?.toUpperCase()}${r.decidedBy ? ` (set by the ${r.decidedBy.kind} country, ${place(r.decidedBy.country)})` : ''}`],
    ...(r.laws ?? []).map((l): [string, string] => ['law', `${l.name} (${l.country}): ${l.articles.join(', ')}`]),
    ...(r.sources ?? []).map((s): [string, string] => ['source', `${s.fact}: ${s.url} (reviewed ${s.reviewed})`]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return [r.input, ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)].join('\n');
}
