import { describe, expect, it } from 'vitest';
import { effectiveSettings, isLockedKey } from '../../src/core/policy-merge.ts';
import { DEFAULT_SETTINGS, EMPTY_TIER, type Policy, type UserSettings } from '../../src/core/settings.ts';

const acme = { id: 'acme-gateway', name: 'ACME AI Gateway', country: 'DE', hosts: ['ai.acme.example'] };

describe('effectiveSettings', () => {
  it('is the defaults without user settings or policy', () => {
    expect(effectiveSettings({}, {})).toEqual({
      mode: 'block',
      countryLevels: {},
      showWarning: true,
      auditRetentionDays: 30,
      strictNetwork: false,
      preferredTool: null,
      org: { ...EMPTY_TIER },
      user: { ...EMPTY_TIER },
      extraProviders: [],
      locked: [],
      allowBypass: true,
      justifyMinutes: 60,
      blockedModels: [],
      sources: { mode: 'default', countryLevels: 'default', showWarning: 'default', auditRetentionDays: 'default', strictNetwork: 'default', preferredTool: 'default' },
      exceptionEnds: { org: {}, user: {} },
    });
  });

  it('takes the user’s value over an unlocked policy value, and the policy’s over the default', () => {
    const s = effectiveSettings({ mode: 'warn', auditRetentionDays: 7 }, { mode: 'monitor', showWarning: false, auditRetentionDays: 365 });
    expect(s.mode).toBe('warn');
    expect(s.auditRetentionDays).toBe(7);
    expect(s.showWarning).toBe(false);
    expect(s.sources).toEqual({ mode: 'user', countryLevels: 'default', showWarning: 'organization', auditRetentionDays: 'user', strictNetwork: 'default', preferredTool: 'default' });
  });

  it('takes a locked policy value over the user’s', () => {
    const s = effectiveSettings({ mode: 'warn', showWarning: true }, { mode: 'monitor', showWarning: false, lockedSettings: ['mode', 'showWarning'] });
    expect(s.mode).toBe('monitor');
    expect(s.showWarning).toBe(false);
    expect(s.sources.mode).toBe('organization');
    expect(s.sources.showWarning).toBe('organization');
    expect(s.locked).toEqual(['mode', 'showWarning']);
  });

  it('gives a locked key without a policy value the default, attributed to the organization', () => {
    const s = effectiveSettings({ showWarning: false, mode: 'monitor', auditRetentionDays: 5 }, { lockedSettings: ['showWarning', 'mode'] });
    expect(s.showWarning).toBe(true);
    expect(s.mode).toBe('block');
    expect(s.auditRetentionDays).toBe(5);
    expect(s.sources).toEqual({ mode: 'organization', countryLevels: 'default', showWarning: 'organization', auditRetentionDays: 'user', strictNetwork: 'default', preferredTool: 'default' });
  });

  it('lists a key locked twice once', () => {
    const s = effectiveSettings({}, { lockedSettings: ['mode', 'mode', 'blockLevel'] });
    expect(s.locked).toEqual(['mode', 'blockLevel']);
    expect(isLockedKey(s, 'mode')).toBe(true);
    expect(isLockedKey(s, 'blockLevel')).toBe(true);
    expect(isLockedKey(s, 'showWarning')).toBe(false);
  });

  it('always applies the organization’s tier, next to the user’s own', () => {
    const policy: Policy = { blockedProviders: ['deepseek'], allowedSites: ['intranet.example'], blockLevel: 'high' };
    const s = effectiveSettings({ blockedProviders: ['openai'], blockLevel: 'low', allowedCountries: ['FR'] }, policy);
    expect(s.org).toEqual({ ...EMPTY_TIER, blockedProviders: ['deepseek'], allowedSites: ['intranet.example'], blockLevel: 'high' });
    expect(s.user).toEqual({ ...EMPTY_TIER, blockedProviders: ['openai'], blockLevel: 'low', allowedCountries: ['FR'] });
  });

  it('keeps the organization’s tier even for keys it locks', () => {
    const s = effectiveSettings({ blockedCountries: ['RU'] }, { blockedCountries: ['CN'], lockedSettings: ['blockedCountries'] });
    expect(s.org.blockedCountries).toEqual(['CN']);
    expect(s.user.blockedCountries).toEqual([]);
  });

  it('empties the user’s tier keys that the policy locks, without touching the user’s input', () => {
    const input: Partial<UserSettings> = { blockedProviders: ['openai'], allowedProviders: ['mistral'], blockedSites: ['news.example.com'], blockLevel: 'high' };
    const before = structuredClone(input);
    const s = effectiveSettings(input, { lockedSettings: ['blockedProviders', 'blockLevel', 'blockedSites'] });
    expect(s.user).toEqual({ ...EMPTY_TIER, allowedProviders: ['mistral'] });
    expect(input).toEqual(before);
    // The lists handed out are copies: changing them changes neither input.
    s.user.allowedProviders.push('deepseek');
    expect(input.allowedProviders).toEqual(['mistral']);
    const policy: Policy = { allowedSites: ['intranet.example'] };
    const t = effectiveSettings({}, policy);
    t.org.allowedSites.push('evil.example');
    expect(policy.allowedSites).toEqual(['intranet.example']);
  });

  it('lets the user add countries to unlocked country levels', () => {
    const s = effectiveSettings({ countryLevels: { US: 'low', FR: 'medium' } }, { countryLevels: { CN: 'high', US: 'medium' } });
    expect(s.countryLevels).toEqual({ CN: 'high', US: 'low', FR: 'medium' });
    expect(s.sources.countryLevels).toBe('user');
  });

  it('uses only the policy’s country levels when locked', () => {
    const s = effectiveSettings({ countryLevels: { US: 'low', FR: 'medium' } }, { countryLevels: { CN: 'high', US: 'medium' }, lockedSettings: ['countryLevels'] });
    expect(s.countryLevels).toEqual({ CN: 'high', US: 'medium' });
    expect(s.sources.countryLevels).toBe('organization');
  });

  it('takes country levels from whichever side has them', () => {
    expect(effectiveSettings({}, { countryLevels: { CN: 'high' } }).countryLevels).toEqual({ CN: 'high' });
    expect(effectiveSettings({}, { countryLevels: { CN: 'high' } }).sources.countryLevels).toBe('organization');
    expect(effectiveSettings({ countryLevels: { RU: 'high' } }, {}).countryLevels).toEqual({ RU: 'high' });
    expect(effectiveSettings({ countryLevels: { RU: 'high' } }, { lockedSettings: ['countryLevels'] }).countryLevels).toEqual({});
  });

  it('does not mutate either country-levels map when merging', () => {
    const userLevels = { US: 'low' } as const;
    const policyLevels = { CN: 'high' } as const;
    const s = effectiveSettings({ countryLevels: { ...userLevels } }, { countryLevels: { ...policyLevels } });
    const u = { countryLevels: { US: 'low' as const } };
    const p = { countryLevels: { CN: 'high' as const } };
    effectiveSettings(u, p);
    expect(u.countryLevels).toEqual(userLevels);
    expect(p.countryLevels).toEqual(policyLevels);
    expect(s.countryLevels).toEqual({ CN: 'high', US: 'low' });
  });

  it('passes the policy-only keys through', () => {
    const s = effectiveSettings({}, { extraProviders: [acme], allowBypass: false });
    expect(s.extraProviders).toEqual([acme]);
    expect(s.allowBypass).toBe(false);
    expect(effectiveSettings({}, { allowBypass: true }).allowBypass).toBe(true);
  });
});
