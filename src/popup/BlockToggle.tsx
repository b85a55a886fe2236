/**
 * One block action of the popup ("Block DeepSeek", "Block China", "Block AI on this site"): it
 * says its current state, takes effect at once and can be undone. What the organization decides
 * is shown locked, with who set it.
 */
import type { ListKey } from '../core/settings.ts';
import { t } from '../shared/t.ts';
import type { Settings } from './use-settings.ts';

interface Props {
  settings: Settings;
  list: Extract<ListKey, 'blockedProviders' | 'blockedCountries' | 'blockedSites'>;
  value: string;
  /** What is blocked, in words: "DeepSeek", "China", "AI on news.example.com". */
  label: string;
}

export function BlockToggle({ settings, list, value, label }: Props) {
  const { view } = settings;
  if (!view) return null;
  const byOrg = view.settings.org[list].includes(value);
  const locked = view.settings.locked.includes(list);
  const mine = (view.user[list] ?? []) as string[];
  const blocked = byOrg || (!locked && mine.includes(value));
  const toggle = () => void settings.update({ [list]: blocked ? mine.filter((v) => v !== value) : [...mine, value] });
  const state = byOrg ? 'org' : blocked ? 'user' : 'off';
  return (
    <div class="toggle" data-toggle={`${list}:${value}`} data-state={state}>
      <button type="button" class={blocked ? 'secondary' : 'danger'} aria-pressed={blocked} disabled={byOrg || locked} onClick={toggle}>
        {blocked ? t('popUnblock', [label]) : t('popBlock', [label])}
      </button>
      {byOrg ? (
        <span class="locked">{t('popBlockedByOrg')}</span>
      ) : locked ? (
        <span class="locked">{t('popLockedByOrg')}</span>
      ) : blocked ? (
        <span class="note">{t('popBlockedByYou')}</span>
      ) : null}
    </div>
  );
}
