/** Settings export and import (src/core/settings-transfer): round trip, refusals, locked keys. */
import { describe, expect, it } from 'vitest';
import { database } from '../../src/core/database.ts';
import { planImport, SETTINGS_FILE_FORMAT, settingsFileText } from '../../src/core/settings-transfer/settings-file.ts';
import type { UserSettings } from '../../src/core/settings.ts';

const isProvider = (id: string) => database.provider(id) !== undefined;
const mine: Partial<UserSettings> = { mode: 'warn', blockedProviders: ['deepseek'], blockedCountries: ['CN'], allowedSites: ['intranet.example.com'], auditRetentionDays: 90, countryLevels: { US: 'medium' } };
const file = (body: unknown) => JSON.stringify(body);

describe('settings file', () => {
  it('exports the user layer with a format marker and version, and imports it back unchanged', () => {
    const text = settingsFileText(mine, Date.UTC(2026, 11, 6));
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ format: SETTINGS_FILE_FORMAT, version: 1, exportedAt: '2026-12-06T00:00:00.000Z' });
    expect(Object.keys(parsed.settings)).toEqual(['mode', 'countryLevels', 'auditRetentionDays', 'blockedProviders', 'blockedCountries', 'allowedSites']);
    expect(planImport(text, [], isProvider)).toEqual({ ok: true, patch: mine, skipped: [] });
  });

  it('skips keys the organization locks and imports the rest', () => {
    const plan = planImport(settingsFileText(mine, 0), ['mode', 'blockedCountries', 'showWarning'], isProvider);
    expect(plan).toEqual({ ok: true, patch: { blockedProviders: ['deepseek'], allowedSites: ['intranet.example.com'], auditRetentionDays: 90, countryLevels: { US: 'medium' } }, skipped: ['mode', 'blockedCountries'] });
  });

  it('accepts a byte-order mark (a file saved by Windows Notepad)', () => {
    expect(planImport(`\uFEFF${settingsFileText({ mode: 'monitor' }, 0)}`, [], isProvider)).toMatchObject({ ok: true, patch: { mode: 'monitor' } });
  });

  it('refuses, with the reason, what is not JSON, not a settings file, of another version, or without settings', () => {
    expect(planImport('mode = block', [], isProvider)).toMatchObject({ ok: false, why: 'not-json' });
    expect(planImport('', [], isProvider)).toMatchObject({ ok: false, why: 'not-json' });
    expect(planImport(file([1, 2]), [], isProvider)).toEqual({ ok: false, why: 'not-settings-file' });
    expect(planImport(file({ mode: 'block' }), [], isProvider)).toEqual({ ok: false, why: 'not-settings-file' });
    expect(planImport(file({ format: 'ublock-backup', version: 1, settings: {} }), [], isProvider)).toEqual({ ok: false, why: 'not-settings-file' });
    expect(planImport(file({ format: SETTINGS_FILE_FORMAT, version: 2, settings: {} }), [], isProvider)).toEqual({ ok: false, why: 'unsupported-version', version: '2' });
    expect(planImport(file({ format: SETTINGS_FILE_FORMAT, version: 1, settings: [] }), [], isProvider)).toEqual({ ok: false, why: 'no-settings' });
    expect(planImport('x'.repeat(2_000_001), [], isProvider)).toEqual({ ok: false, why: 'too-large' });
  });

  it('refuses the whole file when one value is bad, naming each problem', () => {
    const plan = planImport(file({ format: SETTINGS_FILE_FORMAT, version: 1, settings: { mode: 'warn', blockedCountries: ['CN', 'Mars'], blockLevel: 'severe', colour: 'red' } }), [], isProvider);
    expect(plan.ok).toBe(false);
    if (plan.ok || plan.why !== 'bad-values') throw new Error('expected bad values');
    expect(plan.problems.map((p) => p.key)).toEqual(['blockedCountries[1]', 'blockLevel', 'colour']);
    expect(plan.problems[0]!.reason).toContain('"Mars"');
  });

  it('refuses a provider the database does not know', () => {
    expect(planImport(settingsFileText({ blockedProviders: ['no-such-ai'] }, 0), [], isProvider)).toMatchObject({ ok: false, why: 'bad-values' });
  });
});
