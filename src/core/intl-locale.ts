/**
 * The language tag for Intl (country names, numbers) that matches the messages `t` gives: a
 * message of its own, so that a browser in a language the extension lacks gets English names
 * next to English text rather than its own language's.
 */
import type { Translate } from './i18n.ts';

export function intlLocaleOf(t: Translate): string {
  const tag = t('wIntlLocale');
  return tag === 'wIntlLocale' ? 'en' : tag;
}
