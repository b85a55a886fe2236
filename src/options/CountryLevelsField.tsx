/**
 * The user's own country ratings (`countryLevels`): replace the database's level for a country,
 * so every AI service with a company or data there is rated that way. Locked by a policy, the
 * ratings in force are shown and cannot be changed.
 */
import { useState } from 'preact/hooks';
import type { RiskDatabase } from '../core/risk-database.ts';
import type { CountryLevel } from '../core/settings.ts';
import { t } from '../shared/t.ts';
import { Country } from '../ui/Country.tsx';
import type { Choice } from './choices.ts';
import { errorId, fieldState } from './field-state.ts';
import { FieldError } from './FieldError.tsx';
import { LEVEL_NAME_KEYS } from './level-words.ts';
import { OrgNote } from './OrgNote.tsx';
import type { ReadySettings } from './use-options-settings.ts';

const COUNTRY_LEVELS: readonly CountryLevel[] = ['high', 'medium', 'low'];
const isCountryLevel = (v: string): v is CountryLevel => (COUNTRY_LEVELS as readonly string[]).includes(v);

interface Props {
  settings: ReadySettings;
  /** The bundled database, for the level each country has without a rating. */
  db: RiskDatabase;
  countries: Choice[];
}

function LevelSelect({ id, value, disabled, label, onChange }: { id: string; value: string; disabled?: boolean; label: string; onChange(level: CountryLevel): void }) {
  return (
    <select id={id} value={value} disabled={disabled} aria-label={label} onChange={(e) => isCountryLevel(e.currentTarget.value) && onChange(e.currentTarget.value)}>
      {value === '' && <option value="">{t('optChooseLevel')}</option>}
      {COUNTRY_LEVELS.map((l) => (
        <option key={l} value={l}>
          {t(LEVEL_NAME_KEYS[l])}
        </option>
      ))}
    </select>
  );
}

export function CountryLevelsField({ settings, db, countries }: Props) {
  const { view, errors, update } = settings;
  const { locked, attrs } = fieldState(view, 'countryLevels');
  const levels = view.settings.countryLevels;
  const entries = Object.entries(levels).sort((a, b) => a[0].localeCompare(b[0]));
  const [country, setCountry] = useState('');
  const [level, setLevel] = useState<CountryLevel | ''>('');
  const save = (next: Record<string, CountryLevel>) => update('countryLevels', next);
  const databaseLevel = (code: string) => {
    const l = db.jurisdiction(code)?.level;
    return l ? t(LEVEL_NAME_KEYS[l]) : t('optLevelUnrated');
  };
  return (
    <div class="field" {...attrs} data-source={view.settings.sources.countryLevels} role="group" aria-labelledby="countryLevels-title">
      <span class="field-title" id="countryLevels-title">
        {t('optCountryLevelsTitle')}
      </span>
      <span class="hint">{t('optCountryLevelsHint')}</span>
      {entries.length ? (
        <ul class="entries" id="country-levels">
          {entries.map(([code, value]) => (
            <li key={code} class="entry" data-country-level={code} data-level={value}>
              <span class="provider">
                <Country code={code} />
                <span class="sub">{t('optCountryLevelDatabase', [databaseLevel(code)])}</span>
              </span>
              <span class="inline">
                <LevelSelect
                  id={`country-level-${code}`}
                  value={value}
                  disabled={locked}
                  label={t('optCountryLevelFor', [countries.find((c) => c.value === code)?.label ?? code])}
                  onChange={(next) => void save({ ...levels, [code]: next })}
                />
                {!locked && (
                  <button
                    type="button"
                    class="remove"
                    aria-label={t('optCountryLevelRemove', [countries.find((c) => c.value === code)?.label ?? code])}
                    onClick={() => {
                      const { [code]: _gone, ...rest } = levels;
                      void save(rest);
                    }}
                  >
                    {t('optRemove')}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('optCountryLevelsNone')}</p>
      )}
      {!locked && (
        <form
          class="add"
          onSubmit={(e) => {
            e.preventDefault();
            if (!country || !level) return;
            void save({ ...levels, [country]: level }).then((ok) => ok && (setCountry(''), setLevel('')));
          }}
        >
          <span class="add-row">
            <select id="countryLevels-add" aria-label={t('optCountryLevelAddCountry')} value={country} onChange={(e) => setCountry(e.currentTarget.value)}>
              <option value="">{t('optChooseCountry')}</option>
              {countries
                .filter((c) => !(c.value in levels))
                .map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
            </select>
            <LevelSelect id="countryLevels-add-level" value={level} label={t('optCountryLevelAddLevel')} onChange={setLevel} />
            <button type="submit" disabled={!country || !level}>
              {t('optAdd')}
            </button>
          </span>
        </form>
      )}
      <OrgNote locked={locked} source={view.settings.sources.countryLevels} />
      <FieldError id={errorId('countryLevels')} error={errors.countryLevels} />
    </div>
  );
}
