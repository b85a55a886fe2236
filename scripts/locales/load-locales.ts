/**
 * Reads the message sources under src/locales: one folder per language (`en`, `zh_CN`), one JSON
 * file per feature in each (`popup.json`: `{ "key": "text with $1" }`), so that features add
 * their words without touching each other's files. Every problem names the file and the key;
 * the build fails on any of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MESSAGE_KEY_RE, type Messages, positionsIn } from '../../src/core/i18n.ts';

export const DEFAULT_LOCALE = 'en';

export type Locales = Record<string, Messages>;

export class LocaleError extends Error {
  constructor(readonly problems: string[]) {
    super(`messages in src/locales are not usable:\n  ${problems.join('\n  ')}`);
  }
}

export function loadLocales(dir: string): Locales {
  const problems: string[] = [];
  const locales: Record<string, Record<string, string>> = {};
  const origin: Record<string, Record<string, string>> = {};
  const rel = (f: string) => relative(join(dir, '..', '..'), f);
  for (const lang of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const messages: Record<string, string> = (locales[lang] = {});
    const from: Record<string, string> = (origin[lang] = {});
    for (const name of readdirSync(join(dir, lang)).filter((n) => n.endsWith('.json')).sort()) {
      const file = join(dir, lang, name);
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        problems.push(`${rel(file)}: not valid JSON (${(error as Error).message})`);
        continue;
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        problems.push(`${rel(file)}: must be an object of "key": "text"`);
        continue;
      }
      for (const [key, text] of Object.entries(raw)) {
        if (!MESSAGE_KEY_RE.test(key)) problems.push(`${rel(file)}: key "${key}": use letters, digits and _ only, starting with a letter`);
        else if (typeof text !== 'string' || text.trim() === '') problems.push(`${rel(file)}: key "${key}": the text must be a non-empty string`);
        else if (from[key.toLowerCase()]) problems.push(`${rel(file)}: key "${key}" is already in ${from[key.toLowerCase()]} (keys are case-insensitive)`);
        else {
          messages[key] = text;
          from[key.toLowerCase()] = rel(file);
        }
      }
    }
  }
  const base = locales[DEFAULT_LOCALE];
  if (!base) throw new LocaleError([...problems, `${rel(join(dir, DEFAULT_LOCALE))}: the default language is missing`]);
  for (const [lang, messages] of Object.entries(locales)) {
    if (lang === DEFAULT_LOCALE) continue;
    for (const [key, text] of Object.entries(base)) {
      const other = messages[key];
      if (other === undefined) problems.push(`src/locales/${lang}: key "${key}" (from ${origin[DEFAULT_LOCALE]![key.toLowerCase()]}) has no translation`);
      else if (positionsIn(other).join() !== positionsIn(text).join()) {
        problems.push(`${origin[lang]![key.toLowerCase()]}: key "${key}" uses ${positionsIn(other).map((n) => `$${n}`).join(' ') || 'no $n'}, the ${DEFAULT_LOCALE} text ${positionsIn(text).map((n) => `$${n}`).join(' ') || 'none'}`);
      }
    }
    for (const key of Object.keys(messages)) {
      if (base[key] === undefined) problems.push(`${origin[lang]![key.toLowerCase()]}: key "${key}" is not in ${DEFAULT_LOCALE}`);
    }
  }
  if (problems.length) throw new LocaleError(problems);
  return locales;
}
