/**
 * Whether a provider's traffic on this page is blocked, warned about or only recorded, and which
 * decision says so ("You block DeepSeek."), as the browser applies it (core/block-decision.ts).
 */
import { decide } from '../core/block-decision.ts';
import type { DescribedFinding } from '../core/facts.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { describeRule } from '../core/rule-words.ts';
import { t } from '../shared/t.ts';
import type { Settings } from './use-settings.ts';

const OUTCOME = { block: 'popOutcomeBlock', warn: 'popOutcomeWarn', monitor: 'popOutcomeMonitor' } as const;

export function BlockStatus({ findings, settings, db, site }: { findings: DescribedFinding[]; settings: Settings; db: RiskDatabase; site?: string }) {
  const view = settings.view;
  if (!view) return null;
  // The first of the provider's hosts that a decision covers; requests go out from this page.
  for (const f of findings) {
    const decision = decide(view.settings, db, { host: f.host, navigation: false, ...(site ? { initiator: site, pageSite: site } : {}) });
    if (decision.outcome !== 'block' || !decision.rule || decision.matched === undefined) continue;
    const { mode } = view.settings;
    return (
      <p class={`block-status block-status-${mode}`} data-outcome={mode === 'block' ? 'blocked' : mode} role="status">
        <strong>{t(OUTCOME[mode])}</strong> {describeRule(decision.rule, decision.matched, db, t)}
      </p>
    );
  }
  return null;
}
