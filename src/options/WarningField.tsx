/** Whether pages show the in-page warning (Warn and Block modes). */
import { errorId, fieldState } from './field-state.ts';
import { FieldError } from './FieldError.tsx';
import { OrgNote } from './OrgNote.tsx';
import type { ReadySettings } from './use-options-settings.ts';
import { t } from '../shared/t.ts';

export function WarningField({ settings }: { settings: ReadySettings }) {
  const { view, errors, update } = settings;
  const { locked, attrs } = fieldState(view, 'showWarning');
  const error = errors.showWarning;
  return (
    <div class="field" {...attrs} data-source={view.settings.sources.showWarning}>
      <label class="check">
        <input
          type="checkbox"
          checked={view.settings.showWarning}
          disabled={locked}
          aria-describedby={error ? errorId('showWarning') : undefined}
          onChange={(e) => void update('showWarning', e.currentTarget.checked)}
        />
        <span>
          {t('optWarningLabel')}
          <span class="hint">{t('optWarningHint')}</span>
        </span>
      </label>
      <OrgNote locked={locked} source={view.settings.sources.showWarning} />
      <FieldError id={errorId('showWarning')} error={error} />
    </div>
  );
}
