/**
 * "Report a wrong fact" for a whole card: a new issue on the project's repository carrying the
 * provider and the card's facts with their sources (report-fact.ts), nothing about the page.
 */
import { type FactReport, reportFactUrl } from '../core/fact-card/report-fact.ts';
import { t } from '../shared/t.ts';
import './fact-card.css';

export function ReportFact({ report }: { report: FactReport }) {
  return (
    <p class="report-fact-line">
      <a class="report-fact" data-report="card" href={reportFactUrl(report)} target="_blank" rel="noreferrer">
        {t('wReportFact')}
      </a>
    </p>
  );
}
