/** Checks jurisdiction files (src/data/jurisdictions/<CC>.json) and law files (src/data/laws/*.json). */
import { type Checker, isObj } from './checker.ts';
import { isKnownCountryCode } from '../country.ts';
import { LAW_KINDS } from '../provider.ts';

const LAW_ID_RE = /^[a-z]{2}-[a-z0-9-]+$/;
const LEVELS = ['low', 'medium', 'high'];
const ADEQUACY = ['full', 'partial', 'none'];

/** Returns the law IDs the jurisdiction cites, for the cross-file check. */
export function validateJurisdiction(c: Checker, fileCountry: string, raw: unknown): string[] {
  if (!isObj(raw)) return (c.fail('(file)', '', 'is not a JSON object'), []);
  const country = c.string('(file)', raw, '', 'country');
  const entry = country ? `jurisdiction ${country}` : '(file)';
  if (country !== undefined) c.country(entry, 'country', country);
  if (country !== undefined && country !== fileCountry) c.fail(entry, 'country', `must equal the file name ("${fileCountry}")`);
  c.known(entry, raw, '', ['country', 'level', 'reason', 'laws', 'euAdequacy', 'source']);
  if (typeof raw.level !== 'string' || !LEVELS.includes(raw.level)) c.fail(entry, 'level', `${JSON.stringify(raw.level)} must be one of ${LEVELS.join(', ')}`);
  c.string(entry, raw, '', 'reason');
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
    c.known(entry, law, '', ['id', 'area', 'name', 'officialName', 'year', 'kind', 'articles', 'summary', 'source']);
    const area = c.string(entry, law, '', 'area');
    if (area !== undefined && area !== 'EU' && !isKnownCountryCode(area)) c.fail(entry, 'area', `${JSON.stringify(area)} is neither a country code nor EU`);
    c.string(entry, law, '', 'name');
    c.optionalString(entry, law, '', 'officialName');
    const year = law.year;
    if (typeof year !== 'number' || !Number.isInteger(year) || year < 1800 || year > thisYear) c.fail(entry, 'year', `${JSON.stringify(year)} is not a year`);
    // Required: the laws list puts laws that let the state obtain data first (docs/data.md).
    if (typeof law.kind !== 'string' || !(LAW_KINDS as readonly string[]).includes(law.kind)) c.fail(entry, 'kind', `${JSON.stringify(law.kind)} must be one of ${LAW_KINDS.join(', ')}`);
    c.array(entry, law, '', 'articles').forEach((a, k) => {
      if (!isObj(a)) return c.fail(entry, `articles[${k}]`, 'not an object');
      c.known(entry, a, `articles[${k}].`, ['ref', 'gist']);
      c.string(entry, a, `articles[${k}].`, 'ref');
      c.string(entry, a, `articles[${k}].`, 'gist');
    });
    c.string(entry, law, '', 'summary');
    c.source(entry, law, '');
  });
}
