/** One entry of a list: the organization's with its tag, or the user's with a remove button. */
import type { RiskDatabase } from '../core/risk-database.ts';
import { EntryLabel, entryName } from './EntryLabel.tsx';
import type { ListInfo } from './list-info.ts';
import { t } from '../shared/t.ts';

interface Props {
  info: ListInfo;
  value: string;
  tier: 'org' | 'user';
  db: RiskDatabase;
  onRemove?: () => void;
}

export function ListEntry({ info, value, tier, db, onRemove }: Props) {
  return (
    <li class={`entry entry-${tier}`} data-entry={value} data-tier={tier}>
      <EntryLabel kind={info.kind} value={value} db={db} />
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
