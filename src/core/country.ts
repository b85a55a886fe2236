/** Country names and flags for display. Intl is part of the language runtime, not the DOM. */
import type { CountryCode } from './provider.ts';

const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

export function countryName(code: CountryCode, locale?: string): string {
  try {
    const display = locale ? new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }) : names;
    return display.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Regional-indicator flag emoji (`CN` → 🇨🇳); empty for anything that is not two letters. */
export function countryFlag(code: CountryCode): string {
  if (!/^[A-Z]{2}$/.test(code)) return '';
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}
