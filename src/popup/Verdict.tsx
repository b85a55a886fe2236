/**
 * The top of the popup: the tab's worst level in words and one sentence naming who gets the
 * data, then the database's reason for the deciding country (its law), never wording of our own.
 */
import type { DescribedFinding } from '../core/facts.ts';
import type { Verdict as VerdictFacts } from '../core/verdict.ts';
import { t } from '../shared/t.ts';
import { LevelBadge } from '../ui/LevelBadge.tsx';
import { BlockToggle } from './BlockToggle.tsx';
import type { Settings } from './use-settings.ts';

interface Props {
  verdict: VerdictFacts;
  findings: DescribedFinding[];
  providers: number;
  settings: Settings;
  site?: string;
}

export function Verdict({ verdict, findings, providers, settings, site }: Props) {
  const onlyUnknown = findings.every((f) => f.kind === 'unknown-endpoint');
  return (
    <section class={`verdict verdict-${verdict.level}`} data-state={onlyUnknown ? 'unknown' : 'findings'} aria-live="polite" aria-labelledby="verdict-sentence">
      <div class="verdict-top">
        <LevelBadge level={verdict.level} />
        <span class="verdict-count">{t(providers === 1 ? 'popOneService' : 'popServices', [providers])}</span>
      </div>
      <h1 id="verdict-sentence">{verdict.sentence}</h1>
      {verdict.reason && <p class="verdict-reason">{verdict.reason}</p>}
      {site && (
        <div class="site-actions">
          <BlockToggle settings={settings} list="blockedSites" value={site} label={t('popSiteLabel', [site])} />
        </div>
      )}
    </section>
  );
}
