/** The block and allow lists as the options page names and explains them (message keys). */
import type { ListKey } from '../core/settings.ts';

export type EntryKind = 'provider' | 'country' | 'site';
/** Where the page shows a list: with what it names, or with the models blocked wherever served. */
export type ListGroup = EntryKind | 'model';

export interface ListInfo {
  key: ListKey;
  kind: EntryKind;
  group: ListGroup;
  /** Message key of the list's title. */
  title: string;
  /** Message key of the list as in "Remove DeepSeek from blocked providers". */
  noun: string;
  /** Message key of what the list does. */
  hint: string;
}

export const LISTS: readonly ListInfo[] = [
  { key: 'blockedProviders', kind: 'provider', group: 'provider', title: 'optBlockedProviders', noun: 'optBlockedProvidersNoun', hint: 'optBlockedProvidersHint' },
  { key: 'allowedProviders', kind: 'provider', group: 'provider', title: 'optAllowedProviders', noun: 'optAllowedProvidersNoun', hint: 'optAllowedProvidersHint' },
  { key: 'blockedCountries', kind: 'country', group: 'country', title: 'optBlockedCountries', noun: 'optBlockedCountriesNoun', hint: 'optBlockedCountriesHint' },
  { key: 'allowedCountries', kind: 'country', group: 'country', title: 'optAllowedCountries', noun: 'optAllowedCountriesNoun', hint: 'optAllowedCountriesHint' },
  { key: 'blockedSites', kind: 'site', group: 'site', title: 'optBlockedSites', noun: 'optBlockedSitesNoun', hint: 'optBlockedSitesHint' },
  { key: 'allowedSites', kind: 'site', group: 'site', title: 'optAllowedSites', noun: 'optAllowedSitesNoun', hint: 'optAllowedSitesHint' },
  // Off by default: models by who built them, stopped wherever they are served (a page check).
  { key: 'blockedModelBuilders', kind: 'provider', group: 'model', title: 'optBlockedModelBuilders', noun: 'optBlockedModelBuildersNoun', hint: 'optBlockedModelBuildersHint' },
  { key: 'blockedModelOrigins', kind: 'country', group: 'model', title: 'optBlockedModelOrigins', noun: 'optBlockedModelOriginsNoun', hint: 'optBlockedModelOriginsHint' },
];

export const GROUPS: readonly { group: ListGroup; title: string; intro?: string }[] = [
  { group: 'provider', title: 'optGroupProviders' },
  { group: 'country', title: 'optGroupCountries' },
  { group: 'site', title: 'optGroupSites' },
  { group: 'model', title: 'optGroupModels', intro: 'optGroupModelsIntro' },
];
