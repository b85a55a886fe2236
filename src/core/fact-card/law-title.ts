/** How a law is named to people: its name, with its year only when the name does not carry it already. */
import type { Law } from '../provider.ts';
import { hasHan } from '../i18n.ts';
import { lawNameIn } from './law-words.ts';

/**
 * "National Intelligence Law (2017)", but "Counter-Espionage Law (revised 2023)", not "… (2023) (2023)".
 * A reader of the Chinese interface gets a Chinese law's official name: 中华人民共和国国家情报法（2017）.
 */
export function lawTitle(law: Pick<Law, 'name' | 'year'> & Partial<Pick<Law, 'officialName' | 'names'>>, locale = 'en'): string {
  const name = lawNameIn(law, locale);
  if (name.includes(String(law.year))) return name;
  return hasHan(name) ? `${name}（${law.year}）` : `${name} (${law.year})`;
}
