/** A block or allow decision in one plain sentence, for the block page, popup and options. */
import type { BlockRule } from './block-scope.ts';
import { countryName } from './country.ts';
import type { Translate } from './i18n.ts';
import { intlLocaleOf } from './intl-locale.ts';
import type { RiskDatabase } from './risk-database.ts';

const LEVEL_WORDS: Record<string, string> = { high: 'wRuleLevelHigh', medium: 'wRuleLevelMedium', unknown: 'wRuleLevelUnknown', low: 'wRuleLevelLow' };

/** "you" or "your organization", for "Blocked by …". */
export function whoDecides(rule: Pick<BlockRule, 'tier'>, t: Translate): string {
  return rule.tier === 'org' ? t('wWhoOrg') : t('wWhoYou');
}

/** "Your organization blocks AI services with a company or data in China." */
export function describeRule(rule: Pick<BlockRule, 'tier' | 'scope' | 'action'>, matched: string, db: RiskDatabase, t: Translate): string {
  // Whole sentences per tier, action and scope: languages do not build them from the same parts.
  const key = `wRule${rule.tier === 'org' ? 'Org' : 'You'}${rule.action === 'block' ? 'Block' : 'Allow'}`;
  return t(key + SCOPE_KEY[rule.scope], [scopeWords(rule.scope, matched, t, db)]);
}

/**
 * The status line of a blocked service where the service is already named (a popup card): "Blocked
 * by you." for the service itself, "Blocked by you: AI services on news.example.com" for a broader
 * decision, so the line reads as a state, not as a command. Block decisions only.
 */
export function blockStatusLine(rule: Pick<BlockRule, 'tier' | 'scope'>, matched: string, t: Translate): string {
  // The provider's own line names nothing: the card it stands in already does.
  return t(`wStatus${rule.tier === 'org' ? 'Org' : 'You'}${SCOPE_KEY[rule.scope]}`, [scopeWords(rule.scope, matched, t)]);
}

const SCOPE_KEY = { provider: 'Provider', country: 'Country', site: 'Site', level: 'Level' } as const satisfies Record<BlockRule['scope'], string>;

/** What a rule's sentence names: the provider, the country in the UI language, the site, or the level in words. */
function scopeWords(scope: BlockRule['scope'], matched: string, t: Translate, db?: RiskDatabase): string {
  switch (scope) {
    case 'provider':
      return db?.provider(matched)?.name ?? matched;
    case 'country':
      return countryName(matched, intlLocaleOf(t));
    case 'site':
      return matched;
    case 'level': {
      const words = LEVEL_WORDS[matched];
      return words ? t(words) : matched;
    }
  }
}
