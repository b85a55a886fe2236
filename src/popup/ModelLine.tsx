/**
 * The model a request named, and what the database knows of it: its family and builder (named
 * once when the family carries the builder's name), whether open weights let others run it (then
 * the builder's countries do not count, facts.ts), and the source of that, on demand.
 */
import { builtElsewhere } from '../core/fact-card/card-facts.ts';
import { oneNameFor } from '../core/fact-card/model-name.ts';
import { companyLabel, type DescribedFinding } from '../core/facts.ts';
import { type ModelBlockList, modelBlockOf } from '../core/model-block/model-block-match.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { t } from '../shared/t.ts';
import { FactLabel } from '../ui/FactLabel.tsx';
import { FactSource } from '../ui/FactSource.tsx';

interface Props {
  finding: DescribedFinding;
  db: RiskDatabase;
  reportUrl?: string | undefined;
  /** The blocked models the page hook applies (block mode), to say when this one is stopped. */
  stopped?: ModelBlockList | undefined;
  /** Host of the page, the sender of the request. */
  site?: string | undefined;
}

export function ModelLine({ finding, db, reportUrl, stopped, site }: Props) {
  if (!finding.model) return null;
  const family = stopped && modelBlockOf(stopped, finding.host, finding.model, finding.kind !== 'unknown-endpoint', site);
  const builderName = family && (db.provider(family.builder)?.name ?? family.builder);
  return (
    <>
      <ModelFacts finding={finding} db={db} reportUrl={reportUrl} />
      {builderName && (
        <p class="block-status block-status-block" data-fact="model-stopped" data-outcome="blocked" role="status">
          {t('popModelStopped', [builderName])}
        </p>
      )}
    </>
  );
}

function ModelFacts({ finding, db, reportUrl }: Props) {
  if (!finding.model) return null;
  // Only a model another company built says something new about where the data goes; an
  // unknown endpoint has no provider, so any known model is news there.
  const built = builtElsewhere(db, finding);
  const family = built && {
    name: built.family.name,
    builder: built.builderName,
    country: built.builder.country,
    open: built.family.openWeights,
  };
  const one = family && oneNameFor(family.name, family.builder);
  // Open weights at a reseller that may route them to the builder's own service (facts.ts): the builder counts.
  const may = family?.open && finding.upstream?.mayReach === true;
  const words = family && (may ? `popModelOpen${one ? 'Own' : ''}May` : `${family.open ? 'popModelOpen' : 'popModelClosed'}${one ? 'Own' : ''}${finding.operator || finding.unverified ? '' : 'Unknown'}`);
  return (
    <p class="model" data-fact="model" data-model={finding.model}>
      <FactLabel text={t('popModel')} /><code>{finding.model}</code>
      {family && words && (
        <span class="model-family">
          {one ? t(words, [companyLabel(one, family.country, t), '', finding.providerName]) : t(words, [family.name, companyLabel(family.builder, family.country, t), finding.providerName])}
          <FactSource label={t('popModel')} source={built.family.source} reportUrl={reportUrl} />
        </span>
      )}
    </p>
  );
}
