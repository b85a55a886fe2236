import { describe, expect, it } from 'vitest';
import { ALLOW_ONCE_PRIORITY, allowOnceGrants, allowOnceRefusal, allowOnceRevoked, allowOnceRules, freeAllowOnceIds } from '../../src/core/block-actions/allow-once.ts';
import { decide } from '../../src/core/block-decision.ts';
import { blockRulesOf } from '../../src/core/block-scope.ts';
import { ALLOW_ONCE_RULE_IDS } from '../../src/core/constants.ts';
import { database } from '../../src/core/database.ts';
import { effectiveSettings } from '../../src/core/policy-merge.ts';
import type { Policy, UserSettings } from '../../src/core/settings.ts';

function refusal(user: Partial<UserSettings>, policy: Policy = {}, host = 'chat.deepseek.com') {
  const settings = effectiveSettings(user, policy);
  return allowOnceRefusal(settings, decide(settings, database, { host, navigation: true }), host);
}

describe('allow once for this site', () => {
  it('is offered when the block is the user’s own', () => {
    expect(refusal({ blockedProviders: ['deepseek'] })).toBeUndefined();
    expect(refusal({ blockedCountries: ['CN'] })).toBeUndefined();
    expect(refusal({ blockLevel: 'high' })).toBeUndefined();
  });

  it('is not offered when the organization blocks, forbids bypassing, or blocks the site’s AI traffic', () => {
    expect(refusal({}, { blockedProviders: ['deepseek'] })).toBe('the organization blocks this host');
    // The organization's decision wins even when the user blocks too.
    expect(refusal({ blockedProviders: ['deepseek'] }, { blockedCountries: ['CN'] })).toBe('the organization blocks this host');
    expect(refusal({ blockedProviders: ['deepseek'] }, { allowBypass: false })).toBe('the organization does not allow bypassing blocks');
    expect(refusal({ blockedProviders: ['deepseek'] }, { blockedSites: ['deepseek.com'] })).toBe("the organization blocks this site's AI traffic");
  });

  it('is not offered when nothing blocks the host or outside block mode', () => {
    expect(refusal({})).toBe('no decision blocks this host');
    expect(refusal({ blockedProviders: ['mistral'] })).toBe('no decision blocks this host');
    expect(refusal({ blockedProviders: ['deepseek'], mode: 'warn' })).toBe('nothing is blocked outside block mode');
  });

  it('grants session rules above every dynamic rule, for the navigation, the host and its product’s API', () => {
    const all = effectiveSettings({ blockedProviders: ['deepseek'], blockedSites: ['x.example'], blockLevel: 'low' }, { blockedSites: ['corp.example'], blockedCountries: ['RU'], blockLevel: 'low' });
    for (const rule of blockRulesOf(all)) expect(ALLOW_ONCE_PRIORITY).toBeGreaterThan(rule.priority);
    const rules = allowOnceRules('Chat.DeepSeek.com', ['chat.deepseek.com', 'api.deepseek.com', '*.deepseek.example'], ['corp.example'], [20_001, 20_002, 20_003]);
    expect(rules).toEqual([
      { id: 20_001, priority: ALLOW_ONCE_PRIORITY, action: { type: 'allow' }, condition: { requestDomains: ['chat.deepseek.com'], resourceTypes: ['main_frame'] } },
      { id: 20_002, priority: ALLOW_ONCE_PRIORITY, action: { type: 'allow' }, condition: { requestDomains: ['chat.deepseek.com'], excludedInitiatorDomains: ['corp.example'] } },
      { id: 20_003, priority: ALLOW_ONCE_PRIORITY, action: { type: 'allow' }, condition: { requestDomains: ['api.deepseek.com'], initiatorDomains: ['chat.deepseek.com'] } },
    ]);
  });

  it('takes free IDs from its own range only', () => {
    expect(freeAllowOnceIds([20_001, 20_003], 3)).toEqual([20_002, 20_004, 20_005]);
    const full = Array.from({ length: ALLOW_ONCE_RULE_IDS.last - ALLOW_ONCE_RULE_IDS.first }, (_, i) => ALLOW_ONCE_RULE_IDS.first + i);
    expect(freeAllowOnceIds(full, 3)).toEqual([ALLOW_ONCE_RULE_IDS.last]);
  });
});

describe('allow-once grants after a change of settings or policy', () => {
  const hosts = ['chat.deepseek.com'];
  it('are kept, with the organization’s current blocked sites, while the block stays the user’s own', () => {
    const settings = effectiveSettings({ blockedProviders: ['deepseek'] }, { blockedSites: ['corp.example'] });
    const rules = allowOnceGrants(hosts, settings, database);
    expect(rules.map((r) => r.id)).toEqual([ALLOW_ONCE_RULE_IDS.first, ALLOW_ONCE_RULE_IDS.first + 1]);
    expect(rules[1]!.condition.excludedInitiatorDomains).toEqual(['corp.example']);
    // The user unblocked it since: the grant is moot, not harmful, and stays.
    expect(allowOnceGrants(hosts, effectiveSettings({}, {}), database)).toHaveLength(2);
  });

  it('are dropped once the organization blocks the host or its site, or forbids bypassing', () => {
    const user = { blockedProviders: ['deepseek'] };
    expect(allowOnceGrants(hosts, effectiveSettings(user, { blockedCountries: ['CN'] }), database)).toEqual([]);
    expect(allowOnceGrants(hosts, effectiveSettings(user, { blockedSites: ['chat.deepseek.com'] }), database)).toEqual([]);
    expect(allowOnceGrants(hosts, effectiveSettings(user, { allowBypass: false }), database)).toEqual([]);
    expect(allowOnceRevoked(effectiveSettings(user, {}), decide(effectiveSettings(user, {}), database, { host: hosts[0]!, navigation: true }), hosts[0]!)).toBe(false);
  });
});
