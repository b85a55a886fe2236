/** Mode as a radio group: what happens to the AI traffic the lists and the level name. */
import { MODES, type Mode } from '../core/settings.ts';
import { errorId, fieldState } from './field-state.ts';
import { FieldError } from './FieldError.tsx';
import { OrgNote } from './OrgNote.tsx';
import type { ReadySettings } from './use-options-settings.ts';
import { t } from '../shared/t.ts';

/** Message keys: the mode's name and what it does. */
const WORDS: Record<Mode, [title: string, text: string]> = {
  monitor: ['optModeMonitor', 'optModeMonitorHint'],
  warn: ['optModeWarn', 'optModeWarnHint'],
  justify: ['optModeJustify', 'optModeJustifyHint'],
  block: ['optModeBlock', 'optModeBlockHint'],
};

export function ModeField({ settings }: { settings: ReadySettings }) {
  const { view, errors, update } = settings;
  const { locked, attrs } = fieldState(view, 'mode');
  const error = errors.mode;
  return (
    <fieldset class="field" {...attrs} data-source={view.settings.sources.mode} aria-describedby={error ? errorId('mode') : undefined}>
      <legend>{t('optMode')}</legend>
      <div class="choices">
        {MODES.map((mode) => (
          <label class="choice" key={mode}>
            <input type="radio" name="mode" value={mode} checked={view.settings.mode === mode} disabled={locked} onChange={() => void update('mode', mode)} />
            <span>
              <strong>{t(WORDS[mode][0])}</strong>
              <span class="hint">{t(WORDS[mode][1])}</span>
            </span>
          </label>
        ))}
      </div>
      <OrgNote locked={locked} source={view.settings.sources.mode} />
      <FieldError id={errorId('mode')} error={error} />
    </fieldset>
  );
}
