/**
 * One block or allow list: the organization's entries (always applied, not removable), the
 * user's own (removable), and a control to add one. A change sends the user's whole new list.
 */
import { entryValue, isExpiringKey } from '../core/exceptions/expiring-entry.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { AddEntry } from './AddEntry.tsx';
import type { Choice } from './choices.ts';
import { errorId, fieldState } from './field-state.ts';
import { FieldError } from './FieldError.tsx';
import type { ListInfo } from './list-info.ts';
import { ListEntry } from './ListEntry.tsx';
import { OrgNote } from './OrgNote.tsx';
import type { ReadySettings } from './use-options-settings.ts';
import { t } from '../shared/t.ts';

interface Props {
  settings: ReadySettings;
  info: ListInfo;
  db: RiskDatabase;
  choices: Choice[] | null;
}

export function ListEditor({ settings, info, db, choices }: Props) {
  const { view, errors, update } = settings;
  const { key } = info;
  const { locked, attrs } = fieldState(view, key);
  const org = view.settings.org[key];
  const mine = view.settings.user[key];
  const stored: string[] = view.user[key] ?? [];
  // Exceptions that end carry their end (`deepseek until …`); the lists above hold the values.
  const ends = isExpiringKey(key) ? { org: view.settings.exceptionEnds.org[key] ?? {}, user: view.settings.exceptionEnds.user[key] ?? {} } : { org: {}, user: {} };
  const save = (next: string[]) => update(key, next);
  const kept = locked ? stored.length : 0;
  return (
    <div class="list" {...attrs} aria-labelledby={`${key}-title`} role="group">
      <h4 id={`${key}-title`}>{t(info.title)}</h4>
      <p class="hint">{t(info.hint)}</p>
      {org.length + mine.length > 0 ? (
        <ul class="entries" aria-labelledby={`${key}-title`}>
          {org.map((value) => (
            <ListEntry key={`org:${value}`} info={info} value={value} tier="org" db={db} until={ends.org[value]} />
          ))}
          {mine.map((value) => (
            <ListEntry key={`user:${value}`} info={info} value={value} tier="user" db={db} until={ends.user[value]} onRemove={() => void save(stored.filter((v) => entryValue(v) !== value))} />
          ))}
        </ul>
      ) : (
        <p class="empty">{t('optNone')}</p>
      )}
      {locked ? (
        <OrgNote locked />
      ) : (
        <AddEntry info={info} choices={choices} listed={[...org, ...mine]} ending={isExpiringKey(key)} onAdd={(value) => save([...stored.filter((v) => entryValue(v) !== entryValue(value)), value])} />
      )}
      {kept > 0 && (
        <p class="hint">
          {kept === 1 ? t('optKeptOne') : t('optKeptMany', [kept])}
        </p>
      )}
      <FieldError id={errorId(key)} error={errors[key]} />
    </div>
  );
}
