/**
 * "Trains on what you send", from the database's TrainingUse: the four answers a person can be
 * given without reading more into the source than it says (docs/data.md: `optOut` is set only
 * where the cited source says users can turn training off).
 */
import type { Translate } from '../i18n.ts';
import type { TierTraining, TrainingTier, TrainingUse } from '../provider.ts';

export type TrainingStatus = 'yes' | 'opt-out' | 'no' | 'not-stated';

export function trainingStatus(use: TrainingUse | TierTraining | undefined): TrainingStatus {
  if (!use) return 'not-stated';
  if (!use.byDefault) return 'no';
  return use.optOut === true ? 'opt-out' : 'yes';
}

/** Message key of each answer (words.json). */
export const TRAINING_WORDS: Record<TrainingStatus, string> = {
  yes: 'wTrainsYes',
  'opt-out': 'wTrainsOptOut',
  no: 'wTrainsNo',
  'not-stated': 'wTrainsNotStated',
};

/** The answer in English, for a report to the project (report-fact.ts), never shown in the UI. */
export const TRAINING_ENGLISH: Record<TrainingStatus, string> = {
  yes: 'Yes, by default',
  'opt-out': 'Yes, unless the user opts out',
  no: 'No',
  'not-stated': 'Not stated',
};

/** Message key of each plan's name (words.json): "consumer plans", "business plans", "the API". */
export const TIER_WORDS: Record<TrainingTier, string> = {
  consumer: 'wTierConsumer',
  business: 'wTierBusiness',
  api: 'wTierApi',
};

/**
 * What the provider states for the product's other plans, in one line beside the main answer:
 * "Business plans: No · API: No". Undefined when it states none.
 */
export function otherTiersLine(use: TrainingUse | undefined, t: Translate): string | undefined {
  const others = use?.otherTiers ?? [];
  if (!others.length) return undefined;
  return others.map((o) => t('wTierLine', [t(TIER_WORDS[o.tier]), t(TRAINING_WORDS[trainingStatus(o)])])).join(t('wTierSeparator'));
}

/** The main answer with the plan it is about, in English for a report: "Yes, unless the user opts out (consumer plans)". */
export function trainingEnglish(use: TrainingUse | undefined): string {
  const status = TRAINING_ENGLISH[trainingStatus(use)];
  const others = (use?.otherTiers ?? []).map((o) => `${TIER_ENGLISH[o.tier]}: ${TRAINING_ENGLISH[trainingStatus(o)]}`);
  return [use?.tier ? `${status} (${TIER_ENGLISH[use.tier]})` : status, ...others].join('; ');
}

const TIER_ENGLISH: Record<TrainingTier, string> = { consumer: 'consumer plans', business: 'business plans', api: 'API' };
