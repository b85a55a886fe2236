/** Settings in words, for sentences such as "You cannot change: Mode, Blocked providers." */
import type { ListKey, UserKey } from '../core/settings.ts';
import { LISTS } from './list-info.ts';

const SCALAR_NAMES: Record<Exclude<UserKey, ListKey>, string> = {
  mode: 'Mode',
  blockLevel: 'Risk level to block',
  showWarning: 'Warning on the page',
  auditRetentionDays: 'Audit log retention',
  countryLevels: 'Country ratings',
};

export function settingName(key: UserKey): string {
  const list = LISTS.find((info) => info.key === key);
  return list ? list.title : SCALAR_NAMES[key as Exclude<UserKey, ListKey>];
}
