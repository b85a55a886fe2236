/**
 * Settings as a file a person can keep and bring to another browser: the user's own layer only
 * (never the organization's policy), with a format marker and a version so that a file from
 * elsewhere, or from a later version, is recognised and refused rather than half-applied.
 *
 * An import is all or nothing: a file that is not JSON, not a settings file, or holds one bad
 * value changes nothing, and says why. Keys the organization locks are never written: they are
 * reported as skipped and the rest applies (the background checks locks and values again).
 */
import { parseUserSettings, type SettingProblem, shown } from '../policy-parse.ts';
import { USER_KEYS, type UserKey, type UserSettings } from '../settings.ts';

export const SETTINGS_FILE_FORMAT = 'ai-jurisdiction-guard/settings';
export const SETTINGS_FILE_VERSION = 1;
/** Far above any real settings file (lists hold at most MAX_LIST_ENTRIES entries each). */
export const MAX_SETTINGS_FILE_CHARS = 2_000_000;

export interface SettingsFile {
  format: typeof SETTINGS_FILE_FORMAT;
  version: typeof SETTINGS_FILE_VERSION;
  /** ISO 8601, for the person who finds the file later. */
  exportedAt: string;
  settings: Partial<UserSettings>;
}

/** The file's text: the user's settings, in the order of USER_KEYS, indented for people. */
export function settingsFileText(user: Partial<UserSettings>, now: number): string {
  const settings: Record<string, unknown> = {};
  for (const key of USER_KEYS) if (user[key] !== undefined) settings[key] = user[key];
  const file: SettingsFile = { format: SETTINGS_FILE_FORMAT, version: SETTINGS_FILE_VERSION, exportedAt: new Date(now).toISOString(), settings };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Why a file is refused; the options page puts each in words. */
export type ImportRefusal =
  | { why: 'too-large' }
  | { why: 'not-json'; detail: string }
  | { why: 'not-settings-file' }
  | { why: 'unsupported-version'; version: string }
  | { why: 'no-settings' }
  | { why: 'bad-values'; problems: SettingProblem[] };

export type ImportPlan = { ok: true; patch: Partial<UserSettings>; skipped: UserKey[] } | ({ ok: false } & ImportRefusal);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What importing `text` would change. `locked` are the keys the organization locks now;
 * `isProvider` knows the database's providers and the policy's extra ones.
 */
export function planImport(text: string, locked: readonly UserKey[], isProvider: (id: string) => boolean): ImportPlan {
  if (text.length > MAX_SETTINGS_FILE_CHARS) return { ok: false, why: 'too-large' };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, why: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!isObj(raw) || raw.format !== SETTINGS_FILE_FORMAT) return { ok: false, why: 'not-settings-file' };
  if (raw.version !== SETTINGS_FILE_VERSION) return { ok: false, why: 'unsupported-version', version: shown(raw.version) };
  if (!isObj(raw.settings)) return { ok: false, why: 'no-settings' };
  const parsed = parseUserSettings(raw.settings, isProvider);
  if (parsed.problems.length) return { ok: false, why: 'bad-values', problems: parsed.problems };
  const patch: Partial<UserSettings> = {};
  const skipped: UserKey[] = [];
  for (const key of USER_KEYS) {
    if (parsed.value[key] === undefined) continue;
    if (locked.includes(key)) skipped.push(key);
    else (patch as Record<string, unknown>)[key] = parsed.value[key];
  }
  return { ok: true, patch, skipped };
}
