/**
 * A date filter of the audit log. The browser's date field where it speaks the page's language;
 * otherwise a text field that takes the day year first (src/core/day-text.ts), so a Chinese page
 * in an English browser does not ask for mm/dd/yyyy.
 */
import { useEffect, useState } from 'preact/hooks';
import { dayOfText, nativeDateFits } from '../core/day-text.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import { t } from '../shared/t.ts';

interface Props {
  id: string;
  label: string;
  /** `YYYY-MM-DD` or empty. */
  value: string;
  min?: string;
  max?: string;
  onChange(day: string): void;
}

export function DayField({ id, label, value, min, max, onChange }: Props) {
  const native = nativeDateFits(navigator.language, intlLocaleOf(t));
  const [text, setText] = useState(value);
  const [invalid, setInvalid] = useState(false);
  // Cleared from outside ("Reset filters"): the text follows.
  useEffect(() => {
    if (value === '') (setText(''), setInvalid(false));
  }, [value]);
  const hintId = `${id}-hint`;
  return (
    <div class="filter">
      <label for={id}>{label}</label>
      {native ? (
        <input id={id} type="date" value={value} min={min} max={max} onInput={(e) => onChange(e.currentTarget.value)} />
      ) : (
        <>
          <input
            id={id}
            type="text"
            inputMode="numeric"
            autocomplete="off"
            value={text}
            placeholder={t('auditDayPlaceholder')}
            aria-invalid={invalid}
            aria-describedby={hintId}
            data-day-text
            onInput={(e) => {
              const next = e.currentTarget.value;
              setText(next);
              const day = dayOfText(next);
              setInvalid(day === undefined);
              if (day !== undefined) onChange(day);
            }}
          />
          <span id={hintId} class={invalid ? 'day-hint day-invalid' : 'day-hint visually-hidden'}>
            {t('auditDayHint')}
          </span>
        </>
      )}
    </div>
  );
}
