/**
 * Which database texts a reader of the Chinese interface gets in Chinese (docs/data.md, "Text in
 * Chinese"). What a high-risk verdict cites must be there — the jurisdiction's reason and each of
 * its laws' name, summary and article gists (and, for a PRC or Hong Kong law, the official text
 * they were written from): the build fails without them. The rest is reported as coverage.
 */
import { hasHan } from '../i18n.ts';
import type { Jurisdiction, Law, RiskDatabaseSource } from '../provider.ts';

/** What of one law still lacks Chinese text: its Chinese name, summary, each gist, and for a Chinese law the official text cited. */
export function lawGaps(law: Law): string[] {
  const gaps: string[] = [];
  const chineseOfficial = law.officialName !== undefined && hasHan(law.officialName);
  if (!chineseOfficial && !law.names?.zh_CN) gaps.push('Chinese name (names.zh_CN)');
  if (!law.summaries?.zh_CN) gaps.push('Chinese summary (summaries.zh_CN)');
  for (const a of law.articles) if (!a.gists?.zh_CN) gaps.push(`Chinese gist of ${a.ref} (gists.zh_CN)`);
  // Chinese words of a Chinese law come from its official text, not from a translation back.
  if (chineseOfficial && !law.officialText) gaps.push('official Chinese text cited as the source of its Chinese words (officialText)');
  return gaps;
}

export const jurisdictionGaps = (j: Jurisdiction): string[] => (j.reasons?.zh_CN ? [] : ['Chinese reason (reasons.zh_CN)']);

export interface ChineseTextReport {
  /** Problems that fail the build: texts a high-risk verdict cites. */
  required: string[];
  jurisdictions: { done: number; total: number; missing: string[] };
  laws: { done: number; total: number; missing: string[] };
}

export function chineseTextReport(db: Pick<RiskDatabaseSource, 'jurisdictions' | 'laws'>): ChineseTextReport {
  const laws = new Map(db.laws.map((l) => [l.id, l]));
  const required: string[] = [];
  for (const j of db.jurisdictions) {
    if (j.level !== 'high') continue;
    for (const gap of jurisdictionGaps(j)) required.push(`jurisdiction ${j.country} (high): no ${gap}`);
    for (const id of j.laws) {
      const law = laws.get(id);
      for (const gap of law ? lawGaps(law) : []) required.push(`law "${id}" (cited by ${j.country}, high): no ${gap}`);
    }
  }
  const jMissing = db.jurisdictions.filter((j) => jurisdictionGaps(j).length).map((j) => j.country);
  const lMissing = db.laws.filter((l) => lawGaps(l).length).map((l) => l.id);
  return {
    required,
    jurisdictions: { done: db.jurisdictions.length - jMissing.length, total: db.jurisdictions.length, missing: jMissing },
    laws: { done: db.laws.length - lMissing.length, total: db.laws.length, missing: lMissing },
  };
}

/** "Chinese text: jurisdictions 49 of 49 (100.0 %), laws 38 of 38 (100.0 %)" and what is missing. */
export function chineseTextLines(r: ChineseTextReport): string[] {
  const row = (what: string, x: ChineseTextReport['laws']) => `  ${what.padEnd(13)} ${String(x.done).padStart(4)} of ${x.total} (${x.total ? ((100 * x.done) / x.total).toFixed(1) : '0.0'} %)${x.missing.length ? ` · missing: ${x.missing.join(', ')}` : ''}`;
  return [row('jurisdictions', r.jurisdictions), row('laws', r.laws)];
}
