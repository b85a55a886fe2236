/** One entry of a list: the organization's with its tag, or the user's with a remove button. */
import type { RiskDatabase } from '../core/risk-database.ts';
import { EntryLabel, entryName } from './EntryLabel.tsx';
import { formatTime } from './format-time.ts';
import type { ListInfo } from './list-info.ts';
import { t } from '../shared/t.ts';

interface Props {
  info: ListInfo;
  value: string;
  tier: 'org' | 'user';
  db: RiskDatabase;
  /** When this exception ends (epoch ms); absent for one without end. */
  until?: number | undefined;
  onRemove?: () => void;
}

export function ListEntry({ info, value, tier, db, until, onRemove }: Props) {
  return (
    <li class={`entry entry-${tier}`} data-entry={value} data-tier={tier} {...(until !== undefined ? { 'data-until': new Date(until).toISOString() } : {})}>
      <EntryLabel kind={info.kind} value={value} db={db} />
      {until !== undefined && (
        <span class="until">
          <time dateTime={new Date(until).toISOString()}>{t('optUntil', [formatTime(until)])}</time>
        </span>
      )}
      {tier === 'org' ? (
        <span class="tag">
          <span aria-hidden="true">🔒 </span>
          {t('optSetByOrg')}
        </span>
      ) : (
        onRemove && (
          <button type="button" class="remove" aria-label={t('optRemoveFrom', [entryName(info.kind, value, db), t(info.noun)])} onClick={onRemove}>
            {t('optRemove')}
          </button>
        )
      )}
    </li>
  );
}
