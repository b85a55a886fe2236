/** A dismissable notice that entries were lost for a stated reason (nothing is lost silently). */
import type { ComponentChildren } from 'preact';
import { t } from '../shared/t.ts';

export function AuditNotice({ kind, count, onDismiss, children }: { kind: string; count: number; onDismiss: () => void; children: ComponentChildren }) {
  return (
    <div class="banner audit-alert" role="status" {...{ [`data-audit-${kind}`]: count }}>
      <p>
        <span aria-hidden="true">⚠ </span>
        {children}
      </p>
      <button type="button" onClick={onDismiss}>
        {t('auditDismiss')}
      </button>
    </div>
  );
}
