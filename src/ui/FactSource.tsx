/**
 * A fact's source, on demand: a small "source" control after the fact that reveals "Source:
 * <site>, reviewed <date>" with the link, the database's note when there is one, and a link to
 * report the fact as wrong. Nothing of it is in the first view.
 */
import { useId, useState } from 'preact/hooks';
import type { Source } from '../core/provider.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import { reviewedDate, sourceHost } from '../core/fact-card/source-words.ts';
import { t } from '../shared/t.ts';
import './fact-card.css';

const MARK = '\u0001';

interface Props {
  /** The fact's label as shown ("Run by"), to name the control for screen readers. */
  label: string;
  source: Source | undefined;
  /** The database's short note on the fact (English, as cited). */
  note?: string | undefined;
  /** "Report this fact as wrong" link (report-fact.ts). */
  reportUrl?: string | undefined;
}

export function FactSource({ label, source, note, reportUrl }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!source?.url) return null;
  // The link sits where the message puts the site, so each language keeps its own order.
  const [before = '', after = ''] = t('wSourceLine', [MARK, reviewedDate(source.reviewed, intlLocaleOf(t))]).split(MARK);
  return (
    <>
      {' '}
      <button type="button" class="fact-source-toggle" aria-expanded={open} aria-controls={id} aria-label={t('wSourceOf', [label.replace(/[:：]\s*$/, '')])} onClick={() => setOpen(!open)}>
        {t('wSource')}
      </button>
      <span class="fact-source" id={id} hidden={!open} data-source={source.url}>
        {note && <span class="fact-source-note">{note}</span>}
        <span class="fact-source-line">
          {before}
          <a href={source.url} target="_blank" rel="noreferrer">
            {sourceHost(source.url)}
          </a>
          {after}
          {reportUrl && (
            <>
              {' · '}
              <a class="report-fact" href={reportUrl} target="_blank" rel="noreferrer">
                {t('wReportThisFact')}
              </a>
            </>
          )}
        </span>
      </span>
    </>
  );
}
