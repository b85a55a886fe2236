/**
 * "Trains on what you send", from the database's TrainingUse: the four answers a person can be
 * given without reading more into the source than it says (docs/data.md: `optOut` is set only
 * where the cited source says users can turn training off).
 */
import type { TrainingUse } from '../provider.ts';

export type TrainingStatus = 'yes' | 'opt-out' | 'no' | 'not-stated';

export function trainingStatus(use: TrainingUse | undefined): TrainingStatus {
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
