/** The mode in force and what it means; Block with nothing chosen says so and how to block. */
import type { ModeSummary } from '../core/first-run/mode-summary.ts';
import { t } from '../shared/t.ts';

const NAME: Record<ModeSummary, string> = { monitor: 'optModeMonitor', warn: 'optModeWarn', block: 'optModeBlock', 'block-nothing': 'optModeBlock' };
const MEANING: Record<ModeSummary, string> = { monitor: 'welModeMonitor', warn: 'welModeWarn', block: 'welModeBlock', 'block-nothing': 'welModeBlockNothing' };

export function ModeLine({ summary, managed }: { summary: ModeSummary; managed: boolean }) {
  return (
    <section class={`mode mode-${summary}`} data-mode={summary} aria-labelledby="mode-title">
      <h2 id="mode-title">{t('welModeTitle', [t(NAME[summary])])}</h2>
      <p data-mode-meaning>
        {summary === 'block-nothing' && <span aria-hidden="true">⚠ </span>}
        {t(MEANING[summary])}
      </p>
      {(summary === 'block-nothing' || summary === 'block') && <p>{t('welHowToBlock')}</p>}
      {managed && <p class="muted">{t('welOrgManaged')}</p>}
    </section>
  );
}
