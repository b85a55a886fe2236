/**
 * Hosts that public AI lists name but the database deliberately does not claim (docs/data.md):
 * not an AI service, shared infrastructure that would pin other traffic on one company, or a
 * domain that is gone. Each says why, with a source and a review date. The build checks them
 * (src/data/exclusions.json) and refuses a host that is both excluded and claimed by a product.
 * They are not shipped in the extension: they serve the coverage measure (npm run coverage).
 */
import { hostPatternProblem } from '../host-pattern.ts';
import { Checker, isObj } from './checker.ts';

export const EXCLUSION_REASONS = ['not-ai-service', 'shared-infrastructure', 'dead-domain'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface Exclusion {
  host: string;
  reason: ExclusionReason;
  /** What a person checked, in one sentence. */
  note: string;
  source: { url: string; reviewed: string };
}

/**
 * The exclusions of `data` (the parsed exclusions.json), with every problem named. `claimedBy`
 * tells which product claims a host (the compiled database's lookup), so none is in both.
 */
export function validateExclusions(file: string, data: unknown, claimedBy: (host: string) => string | undefined, today: string, problems: string[]): Exclusion[] {
  const check = new Checker(file, today, problems);
  if (!isObj(data) || !Array.isArray(data.exclusions)) {
    check.fail('(file)', 'exclusions', 'must be an object with an "exclusions" list');
    return [];
  }
  const seen = new Set<string>();
  const out: Exclusion[] = [];
  data.exclusions.forEach((raw, i) => {
    const entry = `exclusion ${i + 1}`;
    if (!isObj(raw)) return check.fail(entry, '', 'must be an object');
    check.known(entry, raw, '', ['host', 'reason', 'note', 'source']);
    // A host as the database writes its hosts, without `*`: an exclusion names one host.
    const named = check.string(entry, raw, '', 'host');
    const host = named !== undefined && !named.includes('*') && !hostPatternProblem(named) ? named : undefined;
    if (named !== undefined && host === undefined) check.fail(entry, 'host', `${JSON.stringify(named)} is not valid`);
    const reason = raw.reason;
    if (!EXCLUSION_REASONS.includes(reason as ExclusionReason)) check.fail(entry, 'reason', `must be one of ${EXCLUSION_REASONS.join(', ')}`);
    const note = check.string(entry, raw, '', 'note');
    check.source(entry, raw, '');
    if (host === undefined) return;
    if (seen.has(host)) check.fail(`exclusion "${host}"`, 'host', 'listed twice');
    seen.add(host);
    const owner = claimedBy(host);
    if (owner) check.fail(`exclusion "${host}"`, 'host', `is claimed by ${owner}: a host is either in the database or excluded, not both`);
    if (note !== undefined && EXCLUSION_REASONS.includes(reason as ExclusionReason)) out.push({ host, reason: reason as ExclusionReason, note, source: raw.source as Exclusion['source'] });
  });
  return out;
}
