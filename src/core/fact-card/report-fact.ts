/**
 * "Report a wrong fact": a new issue on the project's repository, prefilled with the provider,
 * the facts (field, value as shown, source) and nothing else. The input is database data only;
 * the output is built from named fields, so no page address, site or tab can slip in through
 * extra properties, and every part is cut to a bound so the link stays well under what browsers
 * and GitHub accept.
 */
import { PROJECT_REPOSITORY } from '../constants.ts';
import type { Source } from '../provider.ts';
import { type CardFact, FACT_FIELDS, FIELD_ENGLISH } from './card-facts.ts';

export interface FactReport {
  providerId?: string;
  provider: string;
  product?: string;
  facts: readonly CardFact[];
}

/** Longest link built; GitHub and the browsers accept far more, long links are still unwieldy. */
export const REPORT_URL_MAX = 4000;
const TEXT_MAX = 300;
/** Names are short; bounded so that the link without any fact always fits. */
const NAME_MAX = 80;
const FACTS_MAX = 8;

/** One line of plain text: no control characters, at most `max` characters. */
function clean(text: string, max = TEXT_MAX): string {
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Only https sources from the database are passed on; anything else is left out. */
function sourceLine(source: Source | undefined): string {
  if (!source || !/^https:\/\//.test(source.url)) return 'Source: none in the database';
  const reviewed = /^\d{4}-\d{2}-\d{2}$/.test(source.reviewed) ? ` (reviewed ${source.reviewed})` : '';
  return `Source: ${clean(source.url, 500)}${reviewed}`;
}

function body(report: FactReport, facts: readonly CardFact[]): string {
  const provider = `Provider: ${clean(report.provider, NAME_MAX)}${report.providerId ? ` (${clean(report.providerId, NAME_MAX)})` : ''}`;
  const product = report.product ? [`Product: ${clean(report.product, NAME_MAX)}`] : [];
  const lines = facts.map((f) => [`Fact: ${FIELD_ENGLISH[f.field]}`, `Shown: ${clean(f.value)}`, sourceLine(f.source)].join('\n'));
  return [provider, ...product, '', ...lines.join('\n\n').split('\n'), '', 'What is wrong, and where is the correct fact stated?', ''].join('\n');
}

/** The new-issue link; at most REPORT_URL_MAX characters (facts that do not fit are left out). */
export function reportFactUrl(report: FactReport, repository = PROJECT_REPOSITORY): string {
  const known = report.facts.filter((f) => (FACT_FIELDS as readonly string[]).includes(f.field));
  const title = known.length === 1 ? `Wrong fact: ${clean(report.provider, NAME_MAX)}, ${FIELD_ENGLISH[known[0]!.field]}` : `Wrong fact: ${clean(report.provider, NAME_MAX)}`;
  const urlOf = (facts: readonly CardFact[]) => `${repository}/issues/new?title=${encodeURIComponent(title)}&body=${encodeURIComponent(body(report, facts))}`;
  let facts = known.slice(0, FACTS_MAX);
  let url = urlOf(facts);
  while (url.length > REPORT_URL_MAX && facts.length > 0) url = urlOf((facts = facts.slice(0, -1)));
  return url.length > REPORT_URL_MAX ? `${repository}/issues/new` : url;
}
