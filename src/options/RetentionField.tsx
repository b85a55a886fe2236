/** How many days the audit log keeps entries; saved when the field is left or Enter pressed. */
import { useEffect, useState } from 'preact/hooks';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../core/settings.ts';
import { errorId, fieldState } from './field-state.ts';
import { FieldError } from './FieldError.tsx';
import { OrgNote } from './OrgNote.tsx';
import type { ReadySettings } from './use-options-settings.ts';
import { t } from '../shared/t.ts';

export function RetentionField({ settings }: { settings: ReadySettings }) {
  const { view, errors, update } = settings;
  const { locked, attrs } = fieldState(view, 'auditRetentionDays');
  const days = view.settings.auditRetentionDays;
  const [draft, setDraft] = useState(String(days));
  const [invalid, setInvalid] = useState<string | null>(null);
  useEffect(() => setDraft(String(days)), [days]);
  const commit = () => {
    const n = Number(draft.trim());
    if (!draft.trim() || !Number.isInteger(n) || n < MIN_RETENTION_DAYS || n > MAX_RETENTION_DAYS) {
      setInvalid(t('optRetentionInvalid', [MIN_RETENTION_DAYS, MAX_RETENTION_DAYS]));
      return;
    }
    setInvalid(null);
    if (n !== days) void update('auditRetentionDays', n);
  };
  const error = invalid ?? errors.auditRetentionDays;
  return (
    <form
      class="field"
      {...attrs}
      data-source={view.settings.sources.auditRetentionDays}
      onSubmit={(e) => {
        e.preventDefault();
        commit();
      }}
    >
      <label for="auditRetentionDays">{t('optRetentionLabel')}</label>
      <span class="inline">
        <input
          id="auditRetentionDays"
          type="number"
          min={MIN_RETENTION_DAYS}
          max={MAX_RETENTION_DAYS}
          step={1}
          inputMode="numeric"
          value={draft}
          disabled={locked}
          aria-invalid={invalid ? true : undefined}
          aria-describedby={error ? errorId('auditRetentionDays') : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onChange={commit}
        />
        <span>{t('optDays')}</span>
      </span>
      <span class="hint">{t('optRetentionHint')}</span>
      <OrgNote locked={locked} source={view.settings.sources.auditRetentionDays} />
      <FieldError id={errorId('auditRetentionDays')} error={error} />
    </form>
  );
}
