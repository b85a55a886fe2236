/** The AI services the organization adds to the database, and the country ratings it changes. */
import type { SettingsView } from '../core/settings-view.ts';
import { Country } from '../ui/Country.tsx';
import { LEVEL_NAME_KEYS } from './level-words.ts';
import { t } from '../shared/t.ts';

export function ExtraProviders({ view }: { view: SettingsView }) {
  const extras = view.settings.extraProviders;
  const levels = Object.entries(view.policy.countryLevels ?? {});
  if (!extras.length && !levels.length) return null;
  return (
    <>
      {extras.length > 0 && (
        <>
          <h3>{t('optOrgServicesTitle')}</h3>
          <ul class="extras" id="extra-providers">
            {extras.map((p) => (
              <li key={p.id} data-extra-provider={p.id}>
                <strong>{p.name}</strong> · <Country code={p.country} />
                <div class="hosts">
                  {p.hosts.map((h) => (
                    <code key={h}>{h}</code>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {levels.length > 0 && (
        <>
          <h3>{t('optOrgCountryLevelsTitle')}</h3>
          <ul class="extras" id="org-country-levels">
            {levels.map(([code, level]) => (
              <li key={code} data-country-level={code}>
                <Country code={code} />: {t('optLevelRisk', [t(LEVEL_NAME_KEYS[level])])}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
