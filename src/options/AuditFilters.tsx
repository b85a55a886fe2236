/** Search and filters of the audit log: free text, site, provider, level, event and dates. */
import type { AuditFilter } from '../core/audit/audit-filter.ts';
import { RISK_LEVELS } from '../core/risk-level.ts';
import { t } from '../shared/t.ts';
import { typeWord } from './audit-words.ts';
import { DayField } from './DayField.tsx';
import { LEVEL_NAME_KEYS } from './level-words.ts';

/** What the controls hold; dates as the date fields give them (`YYYY-MM-DD`). */
export interface FilterDraft extends Omit<AuditFilter, 'from' | 'to'> {
  fromDay: string;
  toDay: string;
}

export const NO_FILTER: FilterDraft = { fromDay: '', toDay: '' };

interface Props {
  value: FilterDraft;
  sites: string[];
  providers: { id: string; name: string }[];
  onChange(next: FilterDraft): void;
}

export function AuditFilters({ value, sites, providers, onChange }: Props) {
  const set = (patch: Partial<FilterDraft>) => onChange({ ...value, ...patch });
  const pick = <K extends keyof FilterDraft>(key: K) => (e: Event) => {
    const v = (e.currentTarget as HTMLSelectElement | HTMLInputElement).value;
    set({ [key]: v || undefined } as Partial<FilterDraft>);
  };
  return (
    <form class="audit-filters" role="search" aria-label={t('auditFiltersLabel')} onSubmit={(e) => e.preventDefault()}>
      <div class="filter filter-text">
        <label for="audit-search">{t('auditSearch')}</label>
        <input id="audit-search" type="search" placeholder={t('auditSearchPlaceholder')} value={value.text ?? ''} onInput={pick('text')} autocomplete="off" />
      </div>
      <div class="filter">
        <label for="audit-site">{t('auditFilterSite')}</label>
        <select id="audit-site" value={value.site ?? ''} onChange={pick('site')}>
          <option value="">{t('auditAny')}</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div class="filter">
        <label for="audit-provider">{t('auditFilterProvider')}</label>
        <select id="audit-provider" value={value.providerId ?? ''} onChange={pick('providerId')}>
          <option value="">{t('auditAny')}</option>
          {providers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div class="filter">
        <label for="audit-level">{t('auditFilterLevel')}</label>
        <select id="audit-level" value={value.level ?? ''} onChange={pick('level')}>
          <option value="">{t('auditAny')}</option>
          {[...RISK_LEVELS].reverse().map((l) => (
            <option key={l} value={l}>
              {t(LEVEL_NAME_KEYS[l])}
            </option>
          ))}
        </select>
      </div>
      <div class="filter">
        <label for="audit-type">{t('auditFilterType')}</label>
        <select id="audit-type" value={value.type ?? ''} onChange={pick('type')}>
          <option value="">{t('auditAny')}</option>
          <option value="finding">{typeWord('finding')}</option>
          <option value="block">{typeWord('block')}</option>
        </select>
      </div>
      <DayField id="audit-from" label={t('auditFilterFrom')} value={value.fromDay} max={value.toDay || undefined} onChange={(fromDay) => set({ fromDay })} />
      <DayField id="audit-to" label={t('auditFilterTo')} value={value.toDay} min={value.fromDay || undefined} onChange={(toDay) => set({ toDay })} />
      <div class="filter filter-reset">
        <button type="button" onClick={() => onChange(NO_FILTER)}>
          {t('auditResetFilters')}
        </button>
      </div>
    </form>
  );
}
