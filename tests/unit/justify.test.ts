import { describe, expect, it } from 'vitest';
import { ALLOW_ONCE_PRIORITY } from '../../src/core/block-actions/allow-once.ts';
import { cleanReason, justifyRefusal, justifySessionRules, liveJustified, nextJustifiedEnd, REASON_MAX } from '../../src/core/block-actions/justify.ts';
import { decide } from '../../src/core/block-decision.ts';
import { JUSTIFY_RULE_IDS } from '../../src/core/constants.ts';
import { database } from '../../src/core/database.ts';
import { parseUiToBg } from '../../src/core/messages.ts';
import { effectiveSettings } from '../../src/core/policy-merge.ts';
import { parsePolicy } from '../../src/core/policy-parse.ts';
import { reportFromAudit } from '../../src/core/reporting/report-event.ts';
import type { Policy, UserSettings } from '../../src/core/settings.ts';

function refusal(user: Partial<UserSettings>, policy: Policy = {}, host = 'chat.deepseek.com') {
  const settings = effectiveSettings(user, policy);
  return justifyRefusal(settings, decide(settings, database, { host, navigation: true }), host);
}

describe('justify: a blocked service opens for a while after a reason', () => {
  it('is asked for in justify mode, for the organization’s blocks and the user’s alike', () => {
    expect(refusal({}, { mode: 'justify', blockedCountries: ['CN'] })).toBeUndefined();
    expect(refusal({ mode: 'justify', blockedProviders: ['deepseek'] })).toBeUndefined();
  });

  it('is not asked for in other modes, where nothing blocks, or on a site whose AI traffic the organization blocks', () => {
    expect(refusal({}, { mode: 'block', blockedCountries: ['CN'] })).toBe('a reason opens a blocked service only in justify mode');
    expect(refusal({}, { mode: 'justify' })).toBe('no decision blocks this host');
    expect(refusal({}, { mode: 'justify', blockedCountries: ['CN'], blockedSites: ['deepseek.com'] })).toBe("the organization blocks this site's AI traffic");
  });

  it('keeps the reason as one bounded line of text, markup and all', () => {
    expect(cleanReason('  Vendor call\n\twith  <b>ACME</b>\u0000\u2028today ')).toBe('Vendor call with <b>ACME</b> today');
    expect(cleanReason('"><img src=x onerror=alert(1)>')).toBe('"><img src=x onerror=alert(1)>');
    expect(cleanReason('ok')).toBeUndefined();
    expect(cleanReason(' \n ')).toBeUndefined();
    expect(cleanReason('x'.repeat(REASON_MAX))).toHaveLength(REASON_MAX);
    expect(cleanReason('x'.repeat(REASON_MAX + 1))).toBeUndefined();
    expect(cleanReason(42)).toBeUndefined();
  });

  it('takes the time from the policy, 60 minutes by default, and refuses a value out of bounds', () => {
    expect(effectiveSettings({}, {}).justifyMinutes).toBe(60);
    expect(effectiveSettings({}, { justifyMinutes: 15 }).justifyMinutes).toBe(15);
    const parsed = parsePolicy({ justifyMinutes: 2, mode: 'justify' }, () => true);
    expect(parsed.value).toEqual({ mode: 'justify' });
    expect(parsed.problems).toEqual([{ key: 'justifyMinutes', reason: '2 is not a whole number of minutes from 5 to 10080' }]);
  });

  it('keeps open grants only until their end and while justify mode holds', () => {
    const settings = effectiveSettings({}, { mode: 'justify', blockedCountries: ['CN'] });
    const grants = { 'chat.deepseek.com': 2_000, 'kimi.moonshot.cn': 500 };
    expect(liveJustified(grants, settings, 1_000)).toEqual({ 'chat.deepseek.com': 2_000 });
    expect(liveJustified(grants, effectiveSettings({}, { mode: 'block', blockedCountries: ['CN'] }), 1_000)).toEqual({});
    expect(liveJustified(grants, effectiveSettings({}, { mode: 'justify', blockedCountries: ['CN'], blockedSites: ['deepseek.com'] }), 1_000)).toEqual({});
    expect(nextJustifiedEnd(grants)).toBe(500);
  });

  it('opens the site with allow-once rules in their own range, above every block, never with the reason in them', () => {
    const settings = effectiveSettings({}, { mode: 'justify', blockedCountries: ['CN'], blockedSites: ['hr.example'] });
    const rules = justifySessionRules({ 'chat.deepseek.com': 2_000 }, settings, database);
    expect(rules.map((r) => r.id)).toEqual([JUSTIFY_RULE_IDS.first, JUSTIFY_RULE_IDS.first + 1]);
    expect(rules.every((r) => r.priority === ALLOW_ONCE_PRIORITY && r.action.type === 'allow')).toBe(true);
    expect(rules[0]!.condition).toEqual({ requestDomains: ['chat.deepseek.com'], resourceTypes: ['main_frame'] });
    expect(rules[1]!.condition).toEqual({ requestDomains: ['chat.deepseek.com'], excludedInitiatorDomains: ['hr.example'] });
    // The product's API from its pages, where the product has one (three rules per site at most).
    const api = justifySessionRules({ 'platform.openai.com': 2_000 }, effectiveSettings({}, { mode: 'justify', blockedProviders: ['openai'] }), database);
    expect(api.length).toBeLessThanOrEqual(3);
    expect(JSON.stringify([...rules, ...api])).not.toContain('Vendor');
  });

  it('takes a reason only as a bounded text in the block page’s message', () => {
    expect(parseUiToBg({ type: 'ui-to-bg/justify', url: 'https://chat.deepseek.com/', reason: 'Vendor call' })).toEqual({ ok: true, message: { type: 'ui-to-bg/justify', url: 'https://chat.deepseek.com/', reason: 'Vendor call' } });
    expect(parseUiToBg({ type: 'ui-to-bg/justify', url: 'javascript:alert(1)', reason: 'x' })).toMatchObject({ ok: false });
    expect(parseUiToBg({ type: 'ui-to-bg/justify', url: 'https://chat.deepseek.com/', reason: 'x'.repeat(5000) })).toMatchObject({ ok: false });
    expect(parseUiToBg({ type: 'ui-to-bg/justify', url: 'https://chat.deepseek.com/', reason: 'ok', minutes: 9999 })).toMatchObject({ ok: false });
  });

  it('sends the reason to the collector as the justification of a justify event', () => {
    const event = reportFromAudit('id-1', { browser: 'chrome', extensionVersion: '1.0.0' }, { time: 1, type: 'justify', site: 'chat.deepseek.com', host: 'chat.deepseek.com', kind: 'navigation', count: 1, reason: 'Vendor call' }, 'justify');
    expect(event).toMatchObject({ name: 'justify', justification: 'Vendor call', mode: 'justify' });
  });
});
