/**
 * The facts a card shows, each with the database source behind it (who runs the service, who
 * owns it, where data is stored, whether inputs train models, who built the model), for the
 * "source" disclosure and the "Report a wrong fact" link. Everything here comes from the
 * database; nothing of the page the user is on (its address, the hosts it contacted, the model
 * name it sent) is carried along.
 */
import { countryName } from '../country.ts';
import type { DescribedFinding } from '../facts.ts';
import { operatingFactsOf } from '../product-risk.ts';
import type { Company, ModelFamily, Source } from '../provider.ts';
import type { RiskDatabase } from '../risk-database.ts';
import { trainingEnglish } from './training.ts';

export const FACT_FIELDS = ['operator', 'parent', 'dataLocations', 'trainsOnInputs', 'retention', 'modelBuilder'] as const;
export type FactField = (typeof FACT_FIELDS)[number];

/** The field as a report names it (English: the project's issues are in English). */
export const FIELD_ENGLISH: Record<FactField, string> = {
  operator: 'Run by',
  parent: 'Owned by',
  dataLocations: 'Data stored in',
  trainsOnInputs: 'Trains on what you send',
  retention: 'Retention',
  modelBuilder: "Model's builder",
};

export interface CardFact {
  field: FactField;
  /** The value as the database states it, in English, for a report. */
  value: string;
  /** Absent when the fact has no source to show (not stated, or an organization's own entry). */
  source?: Source;
}

/** A source worth showing: an organization's extra providers have none (policy-database.ts). */
export const shownSource = (source: Source | undefined): Source | undefined => (source?.url ? source : undefined);

const companyValue = (c: Company) => `${c.name} (${countryName(c.country, 'en')})`;

function fact(field: FactField, value: string, source: Source | undefined): CardFact {
  const shown = shownSource(source);
  return { field, value, ...(shown ? { source: shown } : {}) };
}

/** The model family a finding's model belongs to, when another company built it (ModelLine). */
export function builtElsewhere(db: RiskDatabase, finding: Pick<DescribedFinding, 'model' | 'providerId'>): { family: ModelFamily; builder: Company; builderName: string } | undefined {
  if (!finding.model) return undefined;
  const match = db.lookupModel(finding.model);
  // A not-yet-verified builder has no company to name: the model line then says nothing more.
  if (!match || match.builder.id === finding.providerId || !match.builder.operator) return undefined;
  return { family: match.family, builder: match.builder.operator, builderName: match.builder.name };
}

/** The sourced facts of one finding, in the order the card shows them. */
export function cardFactsOf(db: RiskDatabase, finding: Pick<DescribedFinding, 'productId' | 'model' | 'providerId'>): CardFact[] {
  const found = finding.productId === undefined ? undefined : db.product(finding.productId);
  if (!found) return [];
  const facts = operatingFactsOf(found.provider, found.product);
  const out: CardFact[] = [facts.operator ? fact('operator', companyValue(facts.operator), facts.operator.source) : fact('operator', 'Not yet verified', undefined)];
  if (facts.parent) out.push(fact('parent', companyValue(facts.parent), facts.parent.source));
  else if (facts.noParent) out.push(fact('parent', 'No parent company', facts.noParent.source));
  const data = facts.dataLocations;
  out.push(data ? fact('dataLocations', data.countries.map((c) => countryName(c, 'en')).join(', '), data.source) : fact('dataLocations', 'Not stated', undefined));
  const training = facts.trainsOnInputs;
  const status = trainingEnglish(training);
  out.push(fact('trainsOnInputs', training?.note ? `${status} (${training.note})` : status, training?.source));
  if (facts.retention) out.push(fact('retention', facts.retention.note, facts.retention.source));
  const built = builtElsewhere(db, finding);
  if (built) out.push(fact('modelBuilder', `${built.family.name}: ${companyValue(built.builder)}`, built.family.source));
  return out;
}

/** The fact of one field, if the card has it. */
export const factOf = (facts: readonly CardFact[], field: FactField) => facts.find((f) => f.field === field);
