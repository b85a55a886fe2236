/** Audit entries' codes in words: event types and kinds of what was seen or blocked. */
import type { AuditType } from '../core/audit-entry.ts';
import { t } from '../shared/t.ts';

export const typeWord = (type: AuditType): string => (type === 'block' ? t('auditTypeBlock') : t('auditTypeFinding'));

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

const SCOPE_KEYS: Record<string, string> = { site: 'auditScopeSite', provider: 'auditScopeProvider', country: 'auditScopeCountry', level: 'auditScopeLevel' };

/** A stored rule ("user provider deepseek", "org country CN") in words: "You block provider deepseek". */
export function ruleWords(rule: string): string {
  const [tier, scope, ...rest] = rule.split(' ');
  const scopeKey = scope && SCOPE_KEYS[scope];
  if ((tier !== 'user' && tier !== 'org') || !scopeKey) return rule;
  return t(tier === 'org' ? 'auditRuleOrg' : 'auditRuleUser', [t(scopeKey), rest.join(' ')]);
}

/** Known kinds in words; other request types (ping, media…) as the browser names them. */
export function kindWord(kind: string): string {
  const key = KIND_KEYS[kind];
  return key ? t(key) : t('auditKindOther', [kind]);
}
