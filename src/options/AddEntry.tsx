/**
 * The control that adds to a list: a select of providers or countries, or a site's hostname typed
 * in (checked here with the same rule the background applies, so a typo is caught at once).
 */
import { useState } from 'preact/hooks';
import { withUntil } from '../core/exceptions/expiring-entry.ts';
import { siteHostOf } from '../core/policy-parse.ts';
import type { Choice } from './choices.ts';
import { FieldError } from './FieldError.tsx';
import type { ListInfo } from './list-info.ts';
import { t } from '../shared/t.ts';

interface Props {
  info: ListInfo;
  /** What a select offers; null for a text field (sites). */
  choices: Choice[] | null;
  /** Entries already listed (either tier): not offered, refused when typed. */
  listed: readonly string[];
  /** Whether the entry may end (allow lists): a date and time field, empty for no end. */
  ending?: boolean;
  onAdd(value: string): Promise<boolean>;
}

const PROMPT = { provider: 'optChooseProvider', country: 'optChooseCountry', site: '' } as const;

export function AddEntry({ info, choices, listed, ending, onAdd }: Props) {
  const [value, setValue] = useState('');
  const [until, setUntil] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = `${info.key}-add`;
  const submit = async (e: Event) => {
    e.preventDefault();
    const entry = choices ? value : siteHostOf(value);
    if (!entry) return setProblem(choices ? null : t('optEnterHostname'));
    if (listed.includes(entry)) return setProblem(t('optAlreadyListed', [entry, t(info.noun)]));
    // A datetime-local value has no zone: the device's time, as the person meant it.
    const end = until ? new Date(until).getTime() : undefined;
    if (end !== undefined && !(end > Date.now())) return setProblem(t('optUntilPast'));
    setProblem(null);
    // Cleared first: once the entry is listed, a select no longer offers it.
    setValue('');
    setUntil('');
    if (!(await onAdd(withUntil(entry, end)))) {
      setValue(value);
      setUntil(until);
    }
  };
  const offered = choices?.filter((c) => !listed.includes(c.value));
  const describedBy = problem ? `${id}-problem` : undefined;
  return (
    <form class="add" onSubmit={(e) => void submit(e)}>
      <label for={id}>{t('optAddTo', [t(info.noun)])}</label>
      <div class="add-row">
        {offered ? (
          <select id={id} value={value} aria-describedby={describedBy} onChange={(e) => setValue(e.currentTarget.value)}>
            <option value="">{t(PROMPT[info.kind])}</option>
            {offered.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            type="text"
            placeholder={t('optSitePlaceholder')}
            autocomplete="off"
            spellcheck={false}
            value={value}
            aria-invalid={problem ? true : undefined}
            aria-describedby={describedBy}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
        )}
        <button type="submit" disabled={!value.trim()}>
          {t('optAdd')}
        </button>
      </div>
      {ending && (
        <div class="add-until">
          <label for={`${id}-until`}>{t('optUntilLabel')}</label>
          <input type="datetime-local" id={`${id}-until`} value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
        </div>
      )}
      <FieldError id={`${id}-problem`} error={problem} />
    </form>
  );
}
