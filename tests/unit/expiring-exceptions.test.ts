import { describe, expect, it } from 'vitest';
import { decide } from '../../src/core/block-decision.ts';
import { compileBlockRules } from '../../src/core/block-rules.ts';
import { database } from '../../src/core/database.ts';
import { activeEntries, entryValue, parseUntil, splitEntry, withUntil } from '../../src/core/exceptions/expiring-entry.ts';
import { policyStateOf } from '../../src/core/policy-state.ts';

const at = (text: string) => Date.parse(text);

describe('parseUntil', () => {
  it('reads a day as up to the end of that day, in the device’s time', () => {
    expect(parseUntil('2026-12-31')).toBe(new Date(2027, 0, 1).getTime());
  });
  it('reads ISO 8601 date-times, with or without a zone', () => {
    expect(parseUntil('2026-12-31T18:00Z')).toBe(at('2026-12-31T18:00:00Z'));
    expect(parseUntil('2026-12-31T18:00:30+01:00')).toBe(at('2026-12-31T17:00:30Z'));
    expect(parseUntil('2026-12-31T18:00')).toBe(new Date(2026, 11, 31, 18, 0).getTime());
  });
  it('refuses what is not a real moment', () => {
    for (const bad of ['2026-02-31', '2026-13-01', 'tomorrow', '31/12/2026', '2026-12-31 18:00', '9999-01-01', '', '2026-12-31T25:00Z']) expect(parseUntil(bad), bad).toBeUndefined();
  });
});

describe('splitEntry and activeEntries', () => {
  it('splits the value from its end, and keeps an entry without end as it is', () => {
    expect(splitEntry('deepseek until 2026-12-31T18:00Z')).toEqual({ value: 'deepseek', until: at('2026-12-31T18:00Z') });
    expect(splitEntry('deepseek')).toEqual({ value: 'deepseek' });
    expect(splitEntry('deepseek until soon')).toHaveProperty('problem');
    expect(splitEntry('deepseek until')).toHaveProperty('problem');
    expect(entryValue('CN until 2026-12-31T18:00Z')).toBe('CN');
  });
  it('keeps what applies at a moment and says when each ends; an entry without end wins over one with', () => {
    const now = at('2026-12-07T12:00Z');
    const list = ['a until 2026-12-07T11:00Z', 'b until 2026-12-08T00:00Z', 'c', 'b until 2026-12-09T00:00Z', 'c until 2026-12-08T00:00Z', 'd until 2026-12-07T12:00Z'];
    expect(activeEntries(list, now)).toEqual({ values: ['b', 'c'], ends: { b: at('2026-12-09T00:00Z') } });
  });
  it('writes the end back in one form', () => {
    expect(withUntil('deepseek', at('2026-12-31T18:00Z'))).toBe('deepseek until 2026-12-31T18:00:00.000Z');
    expect(withUntil('deepseek', undefined)).toBe('deepseek');
  });
});

describe('exceptions that end, in the settings and the rules', () => {
  const policy = { blockedCountries: ['CN'], allowedProviders: ['deepseek until 2026-12-07T12:30Z'], allowedSites: ['intranet.example.com until 2026-12-07'] };
  const before = at('2026-12-07T12:00Z');
  const after = at('2026-12-07T12:31Z');

  it('checks the value and the end of each policy entry, and reports a bad end', () => {
    const state = policyStateOf(database, {}, { ...policy, allowedCountries: ['DE until never', 'FR until 2026-12-31', 'XX until 2026-12-31'] }, before);
    expect(state.policy.allowedProviders).toEqual(['deepseek until 2026-12-07T12:30:00.000Z']);
    expect(state.policy.allowedCountries).toEqual([`FR until ${new Date(new Date(2027, 0, 1).getTime()).toISOString()}`]);
    expect(state.policyProblems.map((p) => p.key)).toEqual(['allowedCountries[0]', 'allowedCountries[2]']);
  });

  it('applies an exception until its end and not after, with the first end named', () => {
    const on = policyStateOf(database, {}, policy, before);
    expect(on.settings.org.allowedProviders).toEqual(['deepseek']);
    expect(on.settings.exceptionEnds.org.allowedProviders).toEqual({ deepseek: at('2026-12-07T12:30Z') });
    expect(on.settings.nextExpiry).toBe(at('2026-12-07T12:30Z'));
    expect(decide(on.settings, on.db, { host: 'api.deepseek.com', navigation: false }).outcome).toBe('allow');
    const off = policyStateOf(database, {}, policy, after);
    expect(off.settings.org.allowedProviders).toEqual([]);
    expect(decide(off.settings, off.db, { host: 'api.deepseek.com', navigation: false }).outcome).toBe('block');
    // The rules the browser gets follow: an allow for DeepSeek before, none after.
    const allows = (s: typeof on) => compileBlockRules(s.settings, s.db, 'chrome-extension://x/blocked.html').rules.filter((r) => r.action.type === 'allow' && JSON.stringify(r.condition).includes('deepseek'));
    expect(allows(on).length).toBeGreaterThan(0);
    expect(allows(off)).toEqual([]);
  });

  it('does the same for the user’s own exceptions', () => {
    const on = policyStateOf(database, { blockedCountries: ['CN'], allowedProviders: ['deepseek until 2026-12-07T12:30Z'] }, {}, before);
    expect(on.settings.user.allowedProviders).toEqual(['deepseek']);
    expect(on.settings.exceptionEnds.user.allowedProviders).toEqual({ deepseek: at('2026-12-07T12:30Z') });
    expect(policyStateOf(database, { blockedCountries: ['CN'], allowedProviders: ['deepseek until 2026-12-07T12:30Z'] }, {}, after).settings.user.allowedProviders).toEqual([]);
  });
});
