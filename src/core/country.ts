/** Country names and flags for display. Intl is part of the language runtime, not the DOM. */
import type { CountryCode } from './provider.ts';

const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

export function countryName(code: CountryCode): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code; // not a well-formed region code
  }
}

/** Regional-indicator flag emoji (`CN` → 🇨🇳); empty for anything that is not two letters. */
export function countryFlag(code: CountryCode): string {
  if (!/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}
