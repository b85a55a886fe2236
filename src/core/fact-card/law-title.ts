/** How a law is named to people: its name, with its year only when the name does not carry it already. */
import type { Law } from '../provider.ts';

/** "National Intelligence Law (2017)", but "Counter-Espionage Law (revised 2023)", not "… (2023) (2023)". */
export function lawTitle(law: Pick<Law, 'name' | 'year'>): string {
  return law.name.includes(String(law.year)) ? law.name : `${law.name} (${law.year})`;
}
