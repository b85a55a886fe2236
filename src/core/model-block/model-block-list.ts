/**
 * Requests naming a model of a blocked builder, through any reseller (issue 16): network rules
 * see only the host, so the page hook stops such a request before it leaves, by this list. It is
 * compiled in the background from the settings (a blocked provider's models, the models built in
 * a blocked country) and holds only what is blocked, so its size and the hook's cost follow the
 * block lists, not the catalog.
 *
 * Where the data goes and whose model processes it stay apart (docs/risk-model.md): a closed-weight
 * model is served by its builder whatever reseller forwards it; an open-weight one only where the
 * reseller may send it to the builder's own service. So open weights are stopped at resellers and
 * clouds unless the database says they serve such models themselves
 * (`builderRouting.mayReachBuilder: false`), and at hosts the database does not know (a relay);
 * a model developer's or app's own API does not pass other builders' models on.
 */
import { isEnforcing } from '../settings.ts';
import type { EffectiveSettings } from '../policy-merge.ts';
import type { Provider } from '../provider.ts';
import type { RiskDatabase } from '../risk-database.ts';
import { blockRulesOf, covers } from '../block-scope.ts';
import type { ModelBlockList } from './model-block-match.ts';

type ModelSettings = Pick<EffectiveSettings, 'org' | 'user' | 'mode'> & Partial<Pick<EffectiveSettings, 'blockedModels'>>;

/**
 * The provenance rule for a builder (docs/policy.md): the organization's first, then the user's;
 * it stops the builder's models wherever they are served, whatever the other lists allow.
 */
function provenanceRule(settings: ModelSettings, builder: Provider): string | undefined {
  for (const tier of ['org', 'user'] as const) {
    const rules = settings[tier];
    if (rules.blockedModelBuilders?.includes(builder.id)) return `${tier} model-builder ${builder.id}`;
    const origin = originsOf(builder).find((c) => rules.blockedModelOrigins?.includes(c));
    if (origin) return `${tier} model-origin ${origin}`;
  }
  return undefined;
}

/** The countries a builder's models are "from": its operator's and its parent's. */
const originsOf = (p: Provider) => [p.operator?.country, p.parent?.country].filter((c): c is string => c !== undefined);

/**
 * The families blocked by the block lists, in rule order: a provider block covers that builder's
 * models, a country block the models of builders run from (or owned from) that country. Allow
 * rules of higher priority for the builder (an allowed provider) leave its models out.
 */
export function modelBlockListOf(settings: ModelSettings, db: RiskDatabase): ModelBlockList {
  const list: ModelBlockList = { families: [], names: Object.create(null), prefixes: Object.create(null), namespaces: Object.create(null), forwarders: [] };
  if (!isEnforcing(settings.mode)) return list;
  const rules = blockRulesOf(settings).filter((r) => r.scope === 'provider' || r.scope === 'country');
  for (const builder of db.providers) {
    if (!builder.models?.length || !builder.operator) continue;
    const provenance = provenanceRule(settings, builder);
    // Else the first rule (highest priority) that names the builder decides, as for its own hosts.
    // A builder is covered the way its services are (block-scope.ts), its countries being where its models come from.
    const asTarget = { providerId: builder.id, productId: '', hosts: [], countries: originsOf(builder), level: 'unknown' as const };
    const rule = provenance ? undefined : rules.find((r) => covers(r, asTarget));
    if (!provenance && (!rule || rule.action !== 'block')) continue;
    const words = provenance ?? `${rule!.tier} ${rule!.scope} ${rule!.scope === 'provider' ? builder.id : (originsOf(builder).find((c) => rule!.values.includes(c)) ?? '')}`;
    for (const family of builder.models) {
      const index = list.families.push({ builder: builder.id, family: family.id, openWeights: family.openWeights, rule: words, ...(provenance ? { anywhere: true } : {}) }) - 1;
      for (const pattern of family.patterns) {
        if (pattern.endsWith('*')) list.prefixes[pattern.slice(0, -1)] ??= index;
        else list.names[pattern] ??= index;
      }
      for (const ns of family.namespaces ?? []) list.namespaces[ns] ??= index;
    }
  }
  if (list.families.some((f) => f.openWeights && !f.anywhere)) {
    for (const p of db.providers) {
      const reseller = p.kinds.includes('aggregator') || p.kinds.includes('cloud');
      if (!reseller || p.builderRouting?.mayReachBuilder === false) continue;
      for (const product of p.products) for (const h of product.hosts) if (h.role === 'api' || h.role === 'chat') list.forwarders.push(h.host);
    }
  }
  if (settings.blockedModels?.length) list.globs = settings.blockedModels.map((pattern) => ({ pattern, rule: `org model ${pattern}` }));
  if (list.families.some((f) => !f.anywhere)) {
    const allowed = new Set([...settings.org.allowedProviders, ...settings.user.allowedProviders]);
    const hosts = db.providers.filter((p) => allowed.has(p.id)).flatMap((p) => p.products.flatMap((product) => product.hosts.map((h) => h.host)));
    if (hosts.length) list.exemptHosts = hosts;
    const sites = [...settings.org.allowedSites, ...settings.user.allowedSites];
    if (sites.length) list.exemptSites = sites;
  }
  return list;
}

