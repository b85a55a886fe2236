/** Checks jurisdiction files (src/data/jurisdictions/<CC>.json) and law files (src/data/laws/*.json). */
import { type Checker, isObj } from './checker.ts';
import { isKnownCountryCode } from '../country.ts';
import { hasHan } from '../i18n.ts';
import { LAW_KINDS, TEXT_LOCALES } from '../provider.ts';
import type { Obj } from './checker.ts';

const LAW_ID_RE = /^[a-z]{2}-[a-z0-9-]+$/;
const LEVELS = ['low', 'medium', 'high'];
const ADEQUACY = ['full', 'partial', 'none'];

/**
 * `{ "zh_CN": "…" }` beside an English text: known languages only, each a non-empty text in its
 * language (a Chinese text holds Han characters: an English sentence pasted there is caught).
 */
function translations(c: Checker, entry: string, obj: Obj, at: string, key: string): void {
  if (!(key in obj)) return;
  const t = obj[key];
  if (!isObj(t)) return c.fail(entry, `${at}${key}`, 'must be an object ({ "zh_CN": "…" })');
  c.known(entry, t, `${at}${key}.`, TEXT_LOCALES);
  for (const locale of TEXT_LOCALES) {
    if (!(locale in t)) continue;
    const text = t[locale];
    if (typeof text !== 'string' || text.trim() === '') c.fail(entry, `${at}${key}.${locale}`, 'must be a non-empty text');
    else if (locale === 'zh_CN' && !hasHan(text)) c.fail(entry, `${at}${key}.${locale}`, `${JSON.stringify(text.slice(0, 40))} is not Chinese text`);
  }
}

/** Returns the law IDs the jurisdiction cites, for the cross-file check. */
export function validateJurisdiction(c: Checker, fileCountry: string, raw: unknown): string[] {
  if (!isObj(raw)) return (c.fail('(file)', '', 'is not a JSON object'), []);
  const country = c.string('(file)', raw, '', 'country');
  const entry = country ? `jurisdiction ${country}` : '(file)';
  if (country !== undefined) c.country(entry, 'country', country);
  if (country !== undefined && country !== fileCountry) c.fail(entry, 'country', `must equal the file name ("${fileCountry}")`);
  c.known(entry, raw, '', ['country', 'level', 'reason', 'reasons', 'laws', 'euAdequacy', 'source']);
  if (typeof raw.level !== 'string' || !LEVELS.includes(raw.level)) c.fail(entry, 'level', `${JSON.stringify(raw.level)} must be one of ${LEVELS.join(', ')}`);
  c.string(entry, raw, '', 'reason');
  translations(c, entry, raw, '', 'reasons');
  const laws = c.array(entry, raw, '', 'laws');
  laws.forEach((l, i) => {
    if (typeof l !== 'string' || !LAW_ID_RE.test(l)) c.fail(entry, `laws[${i}]`, `${JSON.stringify(l)} is not a law id`);
  });
  if ('euAdequacy' in raw) {
    const a = raw.euAdequacy;
    if (!isObj(a)) c.fail(entry, 'euAdequacy', 'must be an object');
    else {
      c.known(entry, a, 'euAdequacy.', ['status', 'note', 'source']);
      if (typeof a.status !== 'string' || !ADEQUACY.includes(a.status)) c.fail(entry, 'euAdequacy.status', `${JSON.stringify(a.status)} must be one of ${ADEQUACY.join(', ')}`);
      c.optionalString(entry, a, 'euAdequacy.', 'note');
      c.source(entry, a, 'euAdequacy.');
    }
  }
  c.source(entry, raw, '');
  return laws.filter((l): l is string => typeof l === 'string');
}

/** Adds the IDs of valid laws to `ids`; reports duplicates across files. */
export function validateLaws(c: Checker, raw: unknown, ids: Map<string, string>, thisYear: number): void {
  const list = isObj(raw) ? c.array('(file)', raw, '', 'laws') : (c.fail('(file)', '', 'is not a JSON object with "laws"'), []);
  list.forEach((law, i) => {
    if (!isObj(law)) return c.fail(`laws[${i}]`, '', 'not an object');
    const id = c.string(`laws[${i}]`, law, '', 'id', LAW_ID_RE);
    const entry = id ? `law "${id}"` : `laws[${i}]`;
    if (id !== undefined) {
      const before = ids.get(id);
      if (before) c.fail(entry, 'id', `already used in ${before}`);
      else ids.set(id, c.file);
    }
    c.known(entry, law, '', ['id', 'area', 'name', 'officialName', 'names', 'year', 'kind', 'articles', 'summary', 'summaries', 'source', 'officialText']);
    const area = c.string(entry, law, '', 'area');
    if (area !== undefined && area !== 'EU' && !isKnownCountryCode(area)) c.fail(entry, 'area', `${JSON.stringify(area)} is neither a country code nor EU`);
    c.string(entry, law, '', 'name');
    c.optionalString(entry, law, '', 'officialName');
    translations(c, entry, law, '', 'names');
    // A Chinese official name is the Chinese name: a second one could only disagree with it.
    if (typeof law.officialName === 'string' && hasHan(law.officialName) && isObj(law.names) && 'zh_CN' in law.names) c.fail(entry, 'names.zh_CN', 'repeats the official name, which is already Chinese (remove it)');
    const year = law.year;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1800 || year > thisYear) c.fail(entry, 'year', `${JSON.stringify(year)} is not a year`);
    // Required: the laws list puts laws that let the state obtain data first (docs/data.md).
    if (typeof law.kind !== 'string' || !(LAW_KINDS as readonly string[]).includes(law.kind)) c.fail(entry, 'kind', `${JSON.stringify(law.kind)} must be one of ${LAW_KINDS.join(', ')}`);
    c.array(entry, law, '', 'articles').forEach((a, k) => {
      if (!isObj(a)) return c.fail(entry, `articles[${k}]`, 'not an object');
      c.known(entry, a, `articles[${k}].`, ['ref', 'refs', 'gist', 'gists']);
      translations(c, entry, a, `articles[${k}].`, 'refs');
      c.string(entry, a, `articles[${k}].`, 'ref');
      c.string(entry, a, `articles[${k}].`, 'gist');
      translations(c, entry, a, `articles[${k}].`, 'gists');
    });
    c.string(entry, law, '', 'summary');
    translations(c, entry, law, '', 'summaries');
    c.source(entry, law, '');
    if ('officialText' in law) c.sourceAt(entry, law, '', 'officialText', 'the official text: a URL and a review date');
  });
}
