/** The one-line verdict at the top of the popup, derived from a tab's findings. */
import { type DescribedFinding, providerKeyOf, providerLabel, worstOf } from './facts.ts';
import { listOf, type Translate } from './i18n.ts';
import { compareLevels, type RiskLevel } from './risk-level.ts';

export interface Verdict {
  level: RiskLevel;
  sentence: string;
  /** Why the worst finding has its level (the law behind it); empty when unknown. */
  reason: string;
}

/** One finding per provider, worst level first; ties keep the order they were seen in. */
export function findingsByProvider(findings: readonly DescribedFinding[]): DescribedFinding[] {
  const first = new Map<string, DescribedFinding>();
  for (const f of findings) {
    const key = providerKeyOf(f);
    const kept = first.get(key);
    if (!kept || compareLevels(f.level, kept.level) > 0) first.set(key, f);
  }
  return [...first.values()].sort((a, b) => compareLevels(b.level, a.level));
}

export function verdictFor(findings: readonly DescribedFinding[], t: Translate): Verdict | undefined {
  const level = worstOf(findings);
  if (!level) return undefined;
  const providers = findingsByProvider(findings);
  const site = findings.find((f) => f.kind === 'site');
  const others = providers.filter((f) => !site || providerKeyOf(f) !== providerKeyOf(site)).map((f) => providerLabel(f, t));
  // "This page is Poe, run by Poe (United States)" says the name twice: a product named like its
  // provider is named once, with the provider's country.
  const self = site && site.productName === site.providerName;
  // "run by X (who runs it is not yet verified)" contradicts itself: an unconfirmed site is named
  // once, with what is not known.
  const unconfirmed = site && !site.operator && site.unverified ? t('wProviderUnverified', [site.productName]) : undefined;
  const sentence = unconfirmed
    ? others.length
      ? t('wVerdictSiteSelfAlso', [unconfirmed, listOf(t, others)])
      : t('wVerdictSiteSelf', [unconfirmed])
    : site
    ? self
      ? others.length
        ? t('wVerdictSiteSelfAlso', [providerLabel(site, t), listOf(t, others)])
        : t('wVerdictSiteSelf', [providerLabel(site, t)])
      : others.length
        ? t('wVerdictSiteAlso', [site.productName, providerLabel(site, t), listOf(t, others)])
        : t('wVerdictSite', [site.productName, providerLabel(site, t)])
    : t('wVerdictEmbedded', [listOf(t, others)]);
  return { level, sentence, reason: providers[0]?.reason ?? '' };
}

