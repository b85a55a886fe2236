/**
 * Traffic the browser makes for a page (core/browser-traffic): which hosts count as blocked
 * everywhere, and the session rules that remove reporting headers naming them.
 */
import { describe, expect, it } from 'vitest';
import { database } from '../../src/core/database.ts';
import { blockedHostsOf } from '../../src/core/browser-traffic/blocked-hosts.ts';
import { HOST_PATTERNS_PER_RULE, reportingHeaderRules } from '../../src/core/browser-traffic/reporting-header-rules.ts';
import { REPORTING_RULE_IDS } from '../../src/core/constants.ts';
import { EMPTY_TIER } from '../../src/core/settings.ts';

const settings = (user: Partial<typeof EMPTY_TIER>, mode: 'block' | 'warn' = 'block', org: Partial<typeof EMPTY_TIER> = {}) => ({ mode, org: { ...EMPTY_TIER, ...org }, user: { ...EMPTY_TIER, ...user } });

describe('hosts blocked everywhere', () => {
  it("a provider block yields that provider's hosts and no other's; nothing without a block or outside block mode", () => {
    const hosts = blockedHostsOf(settings({ blockedProviders: ['deepseek'] }), database);
    expect(hosts).toContain('api.deepseek.com');
    expect(hosts).not.toContain('api.mistral.ai');
    expect(blockedHostsOf(settings({}), database)).toEqual([]);
    expect(blockedHostsOf(settings({ blockedProviders: ['deepseek'] }, 'warn'), database)).toEqual([]);
  });

  it('a higher allow wins as in the block rules: the organization allowing a provider keeps its hosts out of a user country block', () => {
    const china = blockedHostsOf(settings({ blockedCountries: ['CN'] }), database);
    expect(china).toContain('api.deepseek.com');
    const allowed = blockedHostsOf(settings({ blockedCountries: ['CN'] }, 'block', { allowedProviders: ['deepseek'] }), database);
    expect(allowed).not.toContain('api.deepseek.com');
    expect(allowed.length).toBeGreaterThan(0);
  });

  it('site decisions are left out: they depend on the page a request comes from', () => {
    expect(blockedHostsOf(settings({ blockedSites: ['news.example.com'] }), database)).toEqual([]);
  });
});

describe('reporting headers that name blocked hosts', () => {
  it('one rule per header, matching any value that names a blocked host, in the reserved range', () => {
    const rules = reportingHeaderRules(['api.deepseek.com', 'bedrock-runtime.*.amazonaws.com'], false);
    expect(rules.map((r) => r.condition.responseHeaders?.[0]?.header)).toEqual(['reporting-endpoints', 'report-to']);
    expect(rules[0]!.condition.responseHeaders![0]!.values).toEqual(['*api.deepseek.com*', '*bedrock-runtime.*.amazonaws.com*']);
    expect(rules[0]!.action.responseHeaders).toEqual([{ header: 'reporting-endpoints', operation: 'remove' }]);
    for (const r of rules) expect(r.id).toBeGreaterThanOrEqual(REPORTING_RULE_IDS.first);
  });

  it('no blocked host, no rule; many are split into rules of a bounded size that stay in the range', () => {
    expect(reportingHeaderRules([], false)).toEqual([]);
    const many = Array.from({ length: HOST_PATTERNS_PER_RULE * 3 + 1 }, (_, i) => `h${i}.example`);
    const rules = reportingHeaderRules(many, false);
    expect(rules).toHaveLength(8);
    expect(rules.every((r) => r.condition.responseHeaders![0]!.values.length <= HOST_PATTERNS_PER_RULE)).toBe(true);
    expect(new Set(rules.flatMap((r) => r.condition.responseHeaders![0]!.values)).size).toBe(many.length);
    const huge = reportingHeaderRules(Array.from({ length: HOST_PATTERNS_PER_RULE * 600 }, (_, i) => `h${i}.example`), false);
    expect(huge.at(-1)!.id).toBeLessThanOrEqual(REPORTING_RULE_IDS.last);
  });

  it('strict mode: one rule removing every reporting header from every response', () => {
    const rules = reportingHeaderRules(['api.deepseek.com'], true);
    expect(rules).toHaveLength(1);
    expect(rules[0]!.condition.responseHeaders).toBeUndefined();
    expect(rules[0]!.action.responseHeaders.map((h) => h.header)).toEqual(['reporting-endpoints', 'report-to', 'nel']);
    expect(rules[0]!.condition.resourceTypes).toContain('main_frame');
  });
});

describe('the host an ICE server URL names', () => {
  it('reads STUN and TURN URLs, with ports, transports, IPv6 and odd spellings', async () => {
    const { iceServerHost } = await import('../../src/core/browser-traffic/ice-server-host.ts');
    expect(iceServerHost('turn:turn.deepseek.com:3478?transport=tcp')).toBe('turn.deepseek.com');
    expect(iceServerHost('TURNS:Relay.DeepSeek.com')).toBe('relay.deepseek.com');
    expect(iceServerHost('stun:stun.l.google.com:19302')).toBe('stun.l.google.com');
    expect(iceServerHost('stun://stun.example.org')).toBe('stun.example.org');
    expect(iceServerHost('turn:[2001:db8::1]:3478')).toBe('2001:db8::1');
    expect(iceServerHost('https://api.deepseek.com/')).toBeUndefined();
    expect(iceServerHost('turn:')).toBeUndefined();
  });
});
