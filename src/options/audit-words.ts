/** Audit entries' codes in words: event types and kinds of what was seen or blocked. */
import type { AuditEntry, AuditType } from '../core/audit/audit-entry.ts';
import { countryName } from '../core/country.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import { t } from '../shared/t.ts';

export const typeWord = (type: AuditType): string => (type === 'block' ? t('auditTypeBlock') : type === 'justify' ? t('auditTypeJustify') : t('auditTypeFinding'));

const KIND_KEYS: Record<string, string> = {
  site: 'auditKindSite',
  embed: 'auditKindEmbed',
  request: 'auditKindRequest',
  'unknown-endpoint': 'auditKindUnknownEndpoint',
  navigation: 'auditKindNavigation',
  xmlhttprequest: 'auditKindRequest',
  websocket: 'auditKindWebSocket',
  script: 'auditKindScript',
  sub_frame: 'auditKindFrame',
};

const LEVEL_WORDS: Record<string, string> = { high: 'wRuleLevelHigh', medium: 'wRuleLevelMedium', unknown: 'wRuleLevelUnknown', low: 'wRuleLevelLow' };

const SCOPE_KEYS: Record<string, string> = { site: 'auditScopeSite', provider: 'auditScopeProvider', country: 'auditScopeCountry', level: 'auditScopeLevel' };

/** What a rule matched, by name: the provider's name as recorded, a country's name. */
function matchedName(scope: string, matched: string, entry: AuditEntry): string {
  if (scope === 'provider' && matched === entry.providerId && entry.providerName) return entry.providerName;
  if (scope === 'country') return countryName(matched, intlLocaleOf(t));
  // "level high" blocks high risk, "level medium" medium or high: the same words as the popup's rules.
  if (scope === 'level' && LEVEL_WORDS[matched]) return t(LEVEL_WORDS[matched]);
  return matched;
}

/** The entry's rule ("user provider deepseek", "org country CN") in words: "Blocked by you (provider: DeepSeek)". */
export function ruleWords(entry: AuditEntry): string {
  const rule = entry.rule ?? '';
  const [tier, scope, ...rest] = rule.split(' ');
  const scopeKey = scope && SCOPE_KEYS[scope];
  if ((tier !== 'user' && tier !== 'org') || !scope || !scopeKey) return rule;
  return t(tier === 'org' ? 'auditRuleOrg' : 'auditRuleUser', [t(scopeKey), matchedName(scope, rest.join(' '), entry)]);
}

/** Known kinds in words; other request types (ping, media…) as the browser names them. */
export function kindWord(kind: string): string {
  const key = KIND_KEYS[kind];
  return key ? t(key) : t('auditKindOther', [kind]);
}
