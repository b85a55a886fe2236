/** What a not-yet-verified provider still lacks, in the UI language: "who runs it, its country". */
import { listOf, type Translate } from '../i18n.ts';
import type { Unverified, UnverifiedFact } from '../provider.ts';

const WORDS: Record<UnverifiedFact, string> = {
  operator: 'wMissingOperator',
  country: 'wMissingCountry',
  parent: 'wMissingParent',
};

export function stillToConfirm(unverified: Pick<Unverified, 'missing'>, t: Translate): string {
  return listOf(t, unverified.missing.map((fact) => t(WORDS[fact])));
}
