/** The last storage error of the audit log (a full disk, a broken database), until dismissed. */
import type { AuditStorageError } from '../shared/audit-db.ts';
import { t } from '../shared/t.ts';
import { formatTime } from './format-time.ts';

const DURING: Record<string, string> = { write: 'auditDuringWrite', delete: 'auditDuringDelete', read: 'auditDuringRead' };

export function AuditStorageAlert({ error, onDismiss }: { error: AuditStorageError; onDismiss(): void }) {
  const quota = error.name === 'QuotaExceededError';
  return (
    <div class="field-error audit-alert" role="alert" data-audit-error={error.name}>
      <p>
        <span aria-hidden="true">⚠ </span>
        <strong>{t('auditStorageErrorTitle')}</strong> {t('auditStorageErrorText', [formatTime(error.at), t(DURING[error.during] ?? 'auditDuringWrite'), error.message || error.name])}
      </p>
      <p>{quota ? t('auditQuotaHint') : t('auditStorageHint')}</p>
      <button type="button" onClick={onDismiss}>
        {t('auditDismiss')}
      </button>
    </div>
  );
}
