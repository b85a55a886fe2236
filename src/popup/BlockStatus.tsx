/**
 * Whether a provider's traffic on this page is blocked, paused, warned about or only recorded,
 * and which decision says so, as the browser applies it (core/block-actions/tab-blocks.ts). In
 * block mode the line is a state ("Blocked by you.", "Blocked by you: AI services on news.example.com");
 * in warn and monitor modes it says the decision is not enforced.
 */
import { isEnforcing } from '../core/settings.ts';
import { providerBlocks } from '../core/block-actions/tab-blocks.ts';
import type { DescribedFinding } from '../core/facts.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { blockStatusLine, describeRule } from '../core/rule-words.ts';
import { t } from '../shared/t.ts';
import { clockTime } from './PauseSite.tsx';
import type { Settings } from './use-settings.ts';

const OUTCOME = { warn: 'popOutcomeWarn', monitor: 'popOutcomeMonitor' } as const;

interface Props {
  findings: DescribedFinding[];
  settings: Settings;
  db: RiskDatabase;
  site?: string;
  /** When a pause of the page's site ends, while one runs. */
  pausedUntil?: number | undefined;
}

export function BlockStatus({ findings, settings, db, site, pausedUntil }: Props) {
  const view = settings.view;
  if (!view) return null;
  const [block] = providerBlocks(findings, view.settings, db, site);
  if (!block) return null;
  const { rule, matched } = block.decision;
  const { mode } = view.settings;
  if (!rule || matched === undefined) return null;
  if (isEnforcing(mode) && pausedUntil !== undefined && rule.tier === 'user') {
    return (
      <p class="block-status block-status-paused" data-outcome="paused" role="status">
        {t('popStatusPaused', [clockTime(pausedUntil)])}
      </p>
    );
  }
  if (isEnforcing(mode)) {
    // A builder's block reaches its models through resellers too, by the page check: say what it covers and what not.
    const builder = block.decision.target && db.provider(block.decision.target.providerId);
    return (
      <>
        <p class="block-status block-status-block" data-outcome="blocked" role="status">
          {blockStatusLine(rule, matched, t)}
        </p>
        {builder?.models?.length && (rule.scope === 'provider' || rule.scope === 'country') ? (
          <p class="hint" data-fact="block-covers">
            {t('popBlockCovers', [builder.name])}
          </p>
        ) : null}
      </>
    );
  }
  const lenient = mode as keyof typeof OUTCOME;
  return (
    <p class={`block-status block-status-${lenient}`} data-outcome={lenient} role="status">
      <strong>{t(OUTCOME[lenient])}</strong>
      {t(OUTCOME[lenient]).endsWith('：') ? '' : ' '}
      {describeRule(rule, matched, db, t)}
    </p>
  );
}
