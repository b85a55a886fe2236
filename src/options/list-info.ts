/** The six block and allow lists as the options page names and explains them (message keys). */
import type { ListKey } from '../core/settings.ts';

export type EntryKind = 'provider' | 'country' | 'site';

export interface ListInfo {
  key: ListKey;
  kind: EntryKind;
  /** Message key of the list's title. */
  title: string;
  /** Message key of the list as in "Remove DeepSeek from blocked providers". */
  noun: string;
  /** Message key of what the list does. */
  hint: string;
}

export const LISTS: readonly ListInfo[] = [
  { key: 'blockedProviders', kind: 'provider', title: 'optBlockedProviders', noun: 'optBlockedProvidersNoun', hint: 'optBlockedProvidersHint' },
  { key: 'allowedProviders', kind: 'provider', title: 'optAllowedProviders', noun: 'optAllowedProvidersNoun', hint: 'optAllowedProvidersHint' },
  { key: 'blockedCountries', kind: 'country', title: 'optBlockedCountries', noun: 'optBlockedCountriesNoun', hint: 'optBlockedCountriesHint' },
  { key: 'allowedCountries', kind: 'country', title: 'optAllowedCountries', noun: 'optAllowedCountriesNoun', hint: 'optAllowedCountriesHint' },
  { key: 'blockedSites', kind: 'site', title: 'optBlockedSites', noun: 'optBlockedSitesNoun', hint: 'optBlockedSitesHint' },
  { key: 'allowedSites', kind: 'site', title: 'optAllowedSites', noun: 'optAllowedSitesNoun', hint: 'optAllowedSitesHint' },
];

export const GROUPS: readonly { kind: EntryKind; title: string }[] = [
  { kind: 'provider', title: 'optGroupProviders' },
  { kind: 'country', title: 'optGroupCountries' },
  { kind: 'site', title: 'optGroupSites' },
];
