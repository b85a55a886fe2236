/** The audit log: what pages used and what was blocked, searchable, exportable, clearable. */
import { useMemo, useState } from 'preact/hooks';
import { filterChoices, filterEntries } from '../core/audit/audit-filter.ts';
import { AUDIT_MAX_PER_MINUTE_PER_TAB } from '../core/audit/audit-throttle.ts';
import { AUDIT_MAX_ENTRIES } from '../core/constants.ts';
import { t } from '../shared/t.ts';
import { AuditActions } from './AuditActions.tsx';
import { AuditNotice } from './AuditNotice.tsx';
import { AuditFilters, type FilterDraft, NO_FILTER } from './AuditFilters.tsx';
import { AuditStorageAlert } from './AuditStorageAlert.tsx';
import { AuditTable } from './AuditTable.tsx';
import { formatCount, formatTime, startOfLocalDay } from './format-time.ts';
import { useAuditLog } from './use-audit-log.ts';

/** Rows rendered at most; the filters and the export reach the rest. */
const MAX_ROWS = 500;

export function AuditPanel({ retentionDays }: { retentionDays: number | undefined }) {
  const log = useAuditLog();
  const [draft, setDraft] = useState<FilterDraft>(NO_FILTER);
  const all = log.entries ?? [];
  const choices = useMemo(() => filterChoices(all), [all]);
  const shown = useMemo(() => {
    const { fromDay, toDay, ...rest } = draft;
    const from = startOfLocalDay(fromDay);
    const to = startOfLocalDay(toDay, 1);
    return filterEntries(all, { ...rest, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  }, [all, draft]);
  return (
    <section class="panel" id="audit" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('auditTitle')}</h2>
      <p class="muted">{retentionDays === undefined ? t('auditIntroNoDays') : retentionDays === 1 ? t('auditIntroOneDay') : t('auditIntro', [formatCount(retentionDays)])}</p>
      {log.storageError && <AuditStorageAlert error={log.storageError} onDismiss={() => void log.dismissError()} />}
      {log.dropped && (
        <AuditNotice kind="dropped" count={log.dropped.count} onDismiss={() => void log.dismissDropped()}>
          {t('auditDropped', [formatCount(log.dropped.count), AUDIT_MAX_PER_MINUTE_PER_TAB, formatTime(log.dropped.lastAt)])}
        </AuditNotice>
      )}
      {log.trimmed && (
        <AuditNotice kind="trimmed" count={log.trimmed.count} onDismiss={() => void log.dismissTrimmed()}>
          {t('auditTrimmed', [formatCount(log.trimmed.count), formatCount(AUDIT_MAX_ENTRIES), formatTime(log.trimmed.lastAt)])}
        </AuditNotice>
      )}
      {log.readError && (
        <p class="field-error" role="alert" data-audit-read-error>
          <span aria-hidden="true">⚠ </span>
          {t('auditReadFailed', [log.readError])}
        </p>
      )}
      {log.entries === null ? (
        !log.readError && (
          <p class="muted" role="status">
            {t('auditLoading')}
          </p>
        )
      ) : (
        <>
          <AuditFilters value={draft} sites={choices.sites} providers={choices.providers} onChange={setDraft} />
          <AuditActions shown={shown} total={all.length} onRefresh={() => void log.reload()} onClear={log.clear} />
          <p class="audit-count" role="status" data-shown={shown.length} data-total={all.length}>
            {t('auditShowing', [formatCount(shown.length), formatCount(all.length)])}
            {shown.length > MAX_ROWS && ` ${t('auditShowingCapped', [formatCount(MAX_ROWS)])}`}
          </p>
          {shown.length > 0 ? (
            <AuditTable entries={shown.slice(0, MAX_ROWS)} />
          ) : (
            <p class="empty" data-audit-empty>
              {all.length ? t('auditNoMatch') : t('auditEmpty')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
