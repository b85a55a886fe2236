/**
 * The model a request named, and what the database knows of it: its family and builder, and
 * whether open weights let others run it (then the builder's countries do not count, facts.ts).
 */
import { companyLabel, type DescribedFinding } from '../core/facts.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { t } from '../shared/t.ts';

export function ModelLine({ finding, db }: { finding: DescribedFinding; db: RiskDatabase }) {
  if (!finding.model) return null;
  // The upstream is only set when the builder is another company; an unknown endpoint has none.
  // A provider's own model on its own service says nothing new about where the data goes.
  const lookedUp = finding.upstream ? undefined : db.lookupModel(finding.model);
  const match = lookedUp && lookedUp.builder.id !== finding.providerId ? lookedUp : undefined;
  const family = finding.upstream
    ? { name: finding.upstream.familyName, builder: companyLabel(finding.upstream.providerName, finding.upstream.operator.country, t), open: finding.upstream.openWeights }
    : match && { name: match.family.name, builder: companyLabel(match.builder.name, match.builder.operator.country, t), open: match.family.openWeights };
  return (
    <p class="model" data-fact="model" data-model={finding.model}>
      <span class="fact-label">{t('popModel')}</span> <code>{finding.model}</code>
      {family && <span class="model-family">{t(`${family.open ? 'popModelOpen' : 'popModelClosed'}${finding.operator ? '' : 'Unknown'}`, [family.name, family.builder])}</span>}
    </p>
  );
}
