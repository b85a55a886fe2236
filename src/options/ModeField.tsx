/** Mode as a radio group: what happens to the AI traffic the lists and the level name. */
import { MODES, type Mode } from '../core/settings.ts';
import { errorId, fieldState } from './field-state.ts';
import { FieldError } from './FieldError.tsx';
import { OrgNote } from './OrgNote.tsx';
import type { ReadySettings } from './use-options-settings.ts';

const WORDS: Record<Mode, [title: string, text: string]> = {
  monitor: ['Monitor', 'Record which AI services pages use. Nothing is blocked or warned about.'],
  warn: ['Warn', 'Let the requests through and warn about what your lists and level name.'],
  block: ['Block', 'Block what your lists and level name. Everything else works as usual.'],
};

export function ModeField({ settings }: { settings: ReadySettings }) {
  const { view, errors, update } = settings;
  const { locked, attrs } = fieldState(view, 'mode');
  const error = errors.mode;
  return (
    <fieldset class="field" {...attrs} data-source={view.settings.sources.mode} aria-describedby={error ? errorId('mode') : undefined}>
      <legend>Mode</legend>
      <div class="choices">
        {MODES.map((mode) => (
          <label class="choice" key={mode}>
            <input type="radio" name="mode" value={mode} checked={view.settings.mode === mode} disabled={locked} onChange={() => void update('mode', mode)} />
            <span>
              <strong>{WORDS[mode][0]}</strong>
              <span class="hint">{WORDS[mode][1]}</span>
            </span>
          </label>
        ))}
      </div>
      <OrgNote locked={locked} source={view.settings.sources.mode} />
      <FieldError id={errorId('mode')} error={error} />
    </fieldset>
  );
}
