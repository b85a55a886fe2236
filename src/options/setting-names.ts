/** Settings in words, for sentences such as "You cannot change: Mode, Blocked providers." */
import type { ListKey, UserKey } from '../core/settings.ts';
import { t } from '../shared/t.ts';
import { LISTS } from './list-info.ts';

const SCALAR_NAMES: Record<Exclude<UserKey, ListKey>, string> = {
  mode: 'optMode',
  blockLevel: 'optNameBlockLevel',
  showWarning: 'optNameShowWarning',
  strictNetwork: 'optNameStrictNetwork',
  auditRetentionDays: 'optNameRetention',
  countryLevels: 'optNameCountryLevels',
  preferredTool: 'optNamePreferredTool',
};

export function settingName(key: UserKey): string {
  const list = LISTS.find((info) => info.key === key);
  return t(list ? list.title : SCALAR_NAMES[key as Exclude<UserKey, ListKey>]);
}
