/** The six block and allow lists as the options page names and explains them. */
import type { ListKey } from '../core/settings.ts';

export type EntryKind = 'provider' | 'country' | 'site';

export interface ListInfo {
  key: ListKey;
  kind: EntryKind;
  title: string;
  /** As in "Remove DeepSeek from blocked providers". */
  noun: string;
  hint: string;
}

export const LISTS: readonly ListInfo[] = [
  { key: 'blockedProviders', kind: 'provider', title: 'Blocked providers', noun: 'blocked providers', hint: 'Every service of these companies.' },
  { key: 'allowedProviders', kind: 'provider', title: 'Allowed providers', noun: 'allowed providers', hint: 'Let through even where a country or the risk level would block them.' },
  { key: 'blockedCountries', kind: 'country', title: 'Blocked countries', noun: 'blocked countries', hint: 'AI services with a company or data in these countries.' },
  { key: 'allowedCountries', kind: 'country', title: 'Allowed countries', noun: 'allowed countries', hint: 'AI services whose companies and data are all in these countries.' },
  { key: 'blockedSites', kind: 'site', title: 'Blocked sites', noun: 'blocked sites', hint: 'AI requests made by pages of these sites and their subdomains.' },
  { key: 'allowedSites', kind: 'site', title: 'Allowed sites', noun: 'allowed sites', hint: 'Pages of these sites may use any AI service.' },
];

export const GROUPS: readonly { kind: EntryKind; title: string }[] = [
  { kind: 'provider', title: 'Providers' },
  { kind: 'country', title: 'Countries' },
  { kind: 'site', title: 'Sites' },
];
