/**
 * How long what users send is kept, as the database states it (Retention). The note is the
 * provider's own words, in English as sourced ("API inputs kept up to 30 days for abuse
 * monitoring"); a reader of another language gets the number of days where the source gives one,
 * else word that the provider states it, and the note stays behind the source link.
 */
import type { Translate } from '../i18n.ts';
import type { Retention } from '../provider.ts';

export function retentionText(r: Retention, t: Translate, locale: string): string {
  if (locale.toLowerCase().startsWith('en')) return r.note;
  return r.days !== undefined ? t('wRetentionDays', [r.days]) : t('wRetentionInSource');
}
