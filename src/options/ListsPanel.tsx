/** The block and allow lists, by what they name: providers, countries, sites; then models wherever served. */
import { useMemo } from 'preact/hooks';
import { database } from '../core/database.ts';
import { policyDatabase } from '../core/policy-database.ts';
import { countryChoices, providerChoices } from './choices.ts';
import { GROUPS, LISTS } from './list-info.ts';
import { ListEditor } from './ListEditor.tsx';
import type { ReadySettings } from './use-options-settings.ts';
import { t } from '../shared/t.ts';

export function ListsPanel({ settings }: { settings: ReadySettings }) {
  const db = policyDatabase(database, settings.view.settings);
  const choices = useMemo(() => ({ provider: providerChoices(db), country: countryChoices(db), site: null }), [db]);
  return (
    <section class="panel" id="lists" aria-labelledby="lists-title">
      <h2 id="lists-title">{t('optListsTitle')}</h2>
      <p class="muted">{t('optListsIntro')}</p>
      {GROUPS.map((group) => (
        <div class="list-group" key={group.group} data-list-group={group.group}>
          <h3>{t(group.title)}</h3>
          {group.intro && <p class="muted">{t(group.intro)}</p>}
          <div class="list-pair">
            {LISTS.filter((info) => info.group === group.group).map((info) => (
              <ListEditor key={info.key} settings={settings} info={info} db={db} choices={choices[info.kind]} />
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
