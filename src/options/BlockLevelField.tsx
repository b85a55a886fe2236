/** The user's risk threshold, and the organization's when it has one. */
import { database } from '../core/database.ts';
import { describeRule } from '../core/rule-words.ts';
import { t } from '../shared/t.ts';
import { BLOCK_LEVELS, type BlockLevel } from '../core/settings.ts';
import { errorId, fieldState } from './field-state.ts';
import { FieldError } from './FieldError.tsx';
import { OrgNote } from './OrgNote.tsx';
import type { ReadySettings } from './use-options-settings.ts';

export const LEVEL_WORDS: Record<BlockLevel, string> = { off: 'Off', high: 'High', medium: 'Medium or above', unknown: 'Unknown or above', low: 'Any' };

const isBlockLevel = (value: string): value is BlockLevel => (BLOCK_LEVELS as readonly string[]).includes(value);

export function BlockLevelField({ settings }: { settings: ReadySettings }) {
  const { view, errors, update } = settings;
  const { locked, attrs } = fieldState(view, 'blockLevel');
  const orgLevel = view.settings.org.blockLevel;
  const error = errors.blockLevel;
  return (
    <div class="field" {...attrs}>
      <label for="blockLevel">Block every AI service at or above</label>
      <select
        id="blockLevel"
        value={view.settings.user.blockLevel}
        disabled={locked}
        aria-describedby={`blockLevel-hint${error ? ` ${errorId('blockLevel')}` : ''}`}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (isBlockLevel(value)) void update('blockLevel', value);
        }}
      >
        {BLOCK_LEVELS.map((level) => (
          <option key={level} value={level}>
            {LEVEL_WORDS[level]}
          </option>
        ))}
      </select>
      <p class="hint" id="blockLevel-hint">
        Risk levels, lowest first: low, unknown, medium, high. Services you allow below are let through.
      </p>
      {orgLevel !== 'off' && (
        <p class="org-line" data-org-level={orgLevel}>
          <span class="tag">Set by your organization</span> {describeRule({ tier: 'org', scope: 'level', action: 'block' }, orgLevel, database, t)}
        </p>
      )}
      <OrgNote locked={locked} />
      <FieldError id={errorId('blockLevel')} error={error} />
    </div>
  );
}
