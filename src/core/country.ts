/** Country names and flags for display. Intl is part of the language runtime, not the DOM. */
import type { CountryCode } from './provider.ts';

/** One DisplayNames per language, made on first use (building one costs far more than a lookup). */
const namers = new Map<string, Intl.DisplayNames>();

function namerFor(language: string): Intl.DisplayNames {
  let namer = namers.get(language);
  if (!namer) {
    try {
      namer = new Intl.DisplayNames([language, 'en'], { type: 'region', fallback: 'code' });
    } catch {
      namer = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' }); // not a well-formed language tag
    }
    namers.set(language, namer);
  }
  return namer;
}

/** Codes ICU names that are not ISO 3166-1 countries (user-assigned, groupings, "unknown"). */
const NOT_COUNTRIES = /^(Q[M-Z]|X[A-Z]|ZZ|AA|EU|EZ|UN|UK)$/;

/** An ISO 3166-1 alpha-2 code of a real country (the database accepts no other). */
export function isKnownCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.test(code)) return false;
  // Intl echoes unknown codes back unchanged (fallback "code"), so a name different from the
  // code means the region exists. English, so the answer never depends on the UI language.
  return countryName(code, 'en') !== code;
}

/** The country's name in `language` (a BCP 47 tag such as "zh-CN"); the code when it has none. */
export function countryName(code: CountryCode, language = 'en'): string {
  try {
    return namerFor(language).of(code) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}

/** Regional-indicator flag emoji (`CN` → 🇨🇳); empty for anything that is not two letters. */
export function countryFlag(code: CountryCode): string {
  if (!/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}
