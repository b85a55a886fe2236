/** Export of the listed entries (CSV, JSON), refresh, and clearing the log after a confirmation. */
import { useRef, useState } from 'preact/hooks';
import type { AuditEntry } from '../core/audit/audit-entry.ts';
import { auditToCsv, auditToJson } from '../core/audit/audit-export.ts';
import { t } from '../shared/t.ts';
import { downloadText } from './download.ts';
import { formatCount, localDate } from './format-time.ts';

interface Props {
  shown: readonly AuditEntry[];
  total: number;
  onRefresh(): void;
  onClear(): Promise<void>;
}

export function AuditActions({ shown, total, onRefresh, onClear }: Props) {
  const [confirming, setConfirming] = useState(false);
  const clearButton = useRef<HTMLButtonElement>(null);
  // Focus goes back to the button that opened the question, not to the top of the page.
  const cancel = () => {
    setConfirming(false);
    setTimeout(() => clearButton.current?.focus());
  };
  const name = `ai-guard-audit-${localDate(Date.now())}`;
  return (
    <div class="audit-actions">
      <div class="button-row">
        <button type="button" disabled={!shown.length} onClick={() => downloadText(`${name}.csv`, 'text/csv;charset=utf-8', auditToCsv(shown))}>
          {t('auditExportCsv')}
        </button>
        <button type="button" disabled={!shown.length} onClick={() => downloadText(`${name}.json`, 'application/json', auditToJson(shown))}>
          {t('auditExportJson')}
        </button>
        <button type="button" onClick={onRefresh}>
          {t('auditRefresh')}
        </button>
        <button type="button" class="danger" ref={clearButton} disabled={!total || confirming} aria-expanded={confirming} aria-controls="audit-confirm" onClick={() => setConfirming(true)}>
          {t('auditClear')}
        </button>
      </div>
      <p class="hint">{t('auditExportHint', [formatCount(shown.length)])}</p>
      {confirming && (
        <div
          class="confirm"
          id="audit-confirm"
          role="alertdialog"
          aria-labelledby="audit-confirm-text"
          // Escape cancels, as in any dialog.
          onKeyDown={(e) => e.key === 'Escape' && cancel()}
        >
          <p id="audit-confirm-text">{t('auditClearConfirm', [formatCount(total)])}</p>
          <div class="button-row">
            <button
              type="button"
              class="danger solid"
              ref={(el) => el?.focus()}
              onClick={() => {
                setConfirming(false);
                void onClear();
              }}
            >
              {t('auditClearYes')}
            </button>
            <button type="button" onClick={cancel}>
              {t('auditCancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
