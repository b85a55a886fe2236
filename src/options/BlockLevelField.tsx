/** The user's risk threshold, and the organization's when it has one. */
import { database } from '../core/database.ts';
import { describeRule } from '../core/rule-words.ts';
import { t } from '../shared/t.ts';
import { BLOCK_LEVELS, type BlockLevel } from '../core/settings.ts';
import { errorId, fieldState } from './field-state.ts';
import { FieldError } from './FieldError.tsx';
import { OrgNote } from './OrgNote.tsx';
import type { ReadySettings } from './use-options-settings.ts';

/** Message keys of the thresholds. */
export const LEVEL_WORDS: Record<BlockLevel, string> = { off: 'optThresholdOff', high: 'optThresholdHigh', medium: 'optThresholdMedium', unknown: 'optThresholdUnknown', low: 'optThresholdAny' };

const isBlockLevel = (value: string): value is BlockLevel => (BLOCK_LEVELS as readonly string[]).includes(value);

export function BlockLevelField({ settings }: { settings: ReadySettings }) {
  const { view, errors, update } = settings;
  const { locked, attrs } = fieldState(view, 'blockLevel');
  const orgLevel = view.settings.org.blockLevel;
  const error = errors.blockLevel;
  return (
    <div class="field" {...attrs}>
      <label for="blockLevel">{t('optBlockLevelLabel')}</label>
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
            {t(LEVEL_WORDS[level])}
          </option>
        ))}
      </select>
      <p class="hint" id="blockLevel-hint">
        {t('optBlockLevelHint')}
      </p>
      {orgLevel !== 'off' && (
        <p class="org-line" data-org-level={orgLevel}>
          <span class="tag">{t('optSetByOrg')}</span> {describeRule({ tier: 'org', scope: 'level', action: 'block' }, orgLevel, database, t)}
        </p>
      )}
      <OrgNote locked={locked} />
      <FieldError id={errorId('blockLevel')} error={error} />
    </div>
  );
}
