/** The six block and allow lists, by what they name: providers, countries, sites. */
import { useMemo } from 'preact/hooks';
import { database } from '../core/database.ts';
import { policyDatabase } from '../core/policy-database.ts';
import { countryChoices, providerChoices } from './choices.ts';
import { GROUPS, LISTS } from './list-info.ts';
import { ListEditor } from './ListEditor.tsx';
import type { ReadySettings } from './use-options-settings.ts';

export function ListsPanel({ settings }: { settings: ReadySettings }) {
  const db = policyDatabase(database, settings.view.settings);
  const choices = useMemo(() => ({ provider: providerChoices(db), country: countryChoices(db), site: null }), [db]);
  return (
    <section class="panel" id="lists" aria-labelledby="lists-title">
      <h2 id="lists-title">Blocked and allowed</h2>
      <p class="muted">
        Your organization’s entries always apply; yours add to them. The most specific entry wins: a site, then a provider, then a country, then the risk
        level, and your organization’s before yours.
      </p>
      {GROUPS.map((group) => (
        <div class="list-group" key={group.kind}>
          <h3>{group.title}</h3>
          <div class="list-pair">
            {LISTS.filter((info) => info.kind === group.kind).map((info) => (
              <ListEditor key={info.key} settings={settings} info={info} db={db} choices={choices[info.kind]} />
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
