/** A block or allow decision in one plain sentence, for the block page, popup and options. */
import type { BlockRule } from './block-scope.ts';
import { countryName } from './country.ts';
import type { RiskDatabase } from './risk-database.ts';

const LEVEL_WORDS: Record<string, string> = { high: 'high', medium: 'medium or high', unknown: 'unknown, medium or high', low: 'any' };

export function whoDecides(rule: Pick<BlockRule, 'tier'>): string {
  return rule.tier === 'org' ? 'your organization' : 'you';
}

/** "Your organization blocks AI services in China." */
export function describeRule(rule: Pick<BlockRule, 'tier' | 'scope' | 'action'>, matched: string, db: RiskDatabase): string {
  const who = rule.tier === 'org' ? 'Your organization' : 'You';
  const verb = rule.action === 'block' ? 'block' : 'allow';
  const verbs = rule.tier === 'org' ? `${verb}s` : verb;
  switch (rule.scope) {
    case 'provider':
      return `${who} ${verbs} ${db.provider(matched)?.name ?? matched}.`;
    case 'country':
      return rule.action === 'block'
        ? `${who} ${verbs} AI services with a company or data in ${countryName(matched)}.`
        : `${who} ${verbs} AI services that are only in allowed countries.`;
    case 'site':
      return rule.action === 'block' ? `${who} ${verbs} AI services on ${matched}.` : `${who} ${verbs} every AI service on ${matched}.`;
    case 'level':
      return `${who} ${verbs} every AI service at ${LEVEL_WORDS[matched] ?? matched} risk.`;
  }
}
