/**
 * What the current mode means for someone who has just installed the extension. `block` with
 * nothing listed blocks nothing (the default), and must not read as protection.
 */
import type { EffectiveSettings } from '../policy-merge.ts';
import { LIST_KEYS, type TierRules } from '../settings.ts';

export type ModeSummary = 'monitor' | 'warn' | 'block-nothing' | 'block';

/** Whether a tier names anything to block: a blocked provider, country, site, or a level. */
function tierBlocks(tier: TierRules): boolean {
  return tier.blockLevel !== 'off' || LIST_KEYS.some((key) => key.startsWith('blocked') && tier[key].length > 0);
}

export function modeSummary(settings: Pick<EffectiveSettings, 'mode' | 'org' | 'user'>): ModeSummary {
  if (settings.mode === 'monitor' || settings.mode === 'warn') return settings.mode;
  return tierBlocks(settings.org) || tierBlocks(settings.user) ? 'block' : 'block-nothing';
}
