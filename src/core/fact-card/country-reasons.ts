/**
 * Why a country counts towards a card's level, said in one sentence per fact behind it (the risk
 * factors of product-risk.ts and facts.ts): under "Ireland", "OpenAI's entity here (OpenAI Ireland
 * Limited) serves users in the European Economic Area and Switzerland", not just a country in a list.
 */
import { hasHan, type Translate } from '../i18n.ts';
import { intlLocaleOf } from '../intl-locale.ts';
import type { RiskFactor } from '../product-risk.ts';

/**
 * One sentence for one factor, said under the country's name ("… is based here"); `provider` is
 * the service's name as people know it.
 */
export function factorSentence(factor: RiskFactor, provider: string, t: Translate): string {
  const entity = factor.entity ?? provider;
  switch (factor.kind) {
    case 'operator':
      // "Photoroom's operator (Photoroom) is based here" says the name twice.
      return entity === provider ? t('wCountsOperatorSelf', [provider]) : t('wCountsOperator', [provider, entity]);
    case 'parent':
      return t('wCountsParent', [provider, entity]);
    case 'regional-entity':
      // `serves` is the provider's English words: a Chinese sentence does not quote them half-translated.
      return factor.serves && (!intlLocaleOf(t).startsWith('zh') || hasHan(factor.serves)) ? t('wCountsRegional', [provider, entity, factor.serves]) : t('wCountsRegionalAny', [provider, entity]);
    case 'data-location':
      return t('wCountsData', [provider]);
    case 'model-builder':
      return t(factor.builderOwner ? 'wCountsBuilderOwner' : factor.mayReach ? 'wCountsBuilderMay' : 'wCountsBuilder', [entity]);
  }
}

/** Country → the sentences of every factor placing the service there, each once, in factor order. */
export function countryReasons(factors: readonly RiskFactor[], provider: string, t: Translate): Map<string, string[]> {
  const reasons = new Map<string, string[]>();
  for (const factor of factors) {
    const list = reasons.get(factor.country) ?? [];
    const sentence = factorSentence(factor, provider, t);
    if (!list.includes(sentence)) list.push(sentence);
    reasons.set(factor.country, list);
  }
  return reasons;
}
