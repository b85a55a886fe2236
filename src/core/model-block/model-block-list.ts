/**
 * Requests naming a model of a blocked builder, through any reseller (issue 16): network rules
 * see only the host, so the page hook stops such a request before it leaves, by this list. It is
 * compiled in the background from the settings (a blocked provider's models, the models built in
 * a blocked country) and holds only what is blocked, so its size and the hook's cost follow the
 * block lists, not the catalog.
 *
 * Where the data goes and whose model processes it stay apart (docs/risk-model.md): a closed-weight
 * model is served by its builder whatever reseller forwards it; an open-weight one only where the
 * reseller may send it to the builder's own service. A reseller the database says never does
 * (`builderRouting.mayReachBuilder: false`: it serves such models itself) lets them through; any
 * other host, including one the database does not know, may forward them, so they are stopped.
 */
import { parseModelName } from '../model-name.ts';
import type { EffectiveSettings } from '../policy-merge.ts';
import type { Provider } from '../provider.ts';
import type { RiskDatabase } from '../risk-database.ts';
import { blockRulesOf } from '../block-scope.ts';

/** One blocked model family, with the rule that blocks it: "org provider deepseek". */
export interface BlockedFamily {
  builder: string;
  family: string;
  openWeights: boolean;
  rule: string;
}

export interface ModelBlockList {
  /** Only `block` mode stops requests; the list is empty otherwise. */
  families: BlockedFamily[];
  /** Exact lower-case model names → index in `families`. */
  names: Record<string, number>;
  /** Name prefixes (patterns without their `*`) → index. */
  prefixes: Record<string, number>;
  /** Organisation names resellers put before the model → index. */
  namespaces: Record<string, number>;
  /** Host patterns of resellers that serve open-weight models themselves (mayReachBuilder false). */
  ownServing: string[];
}

export const EMPTY_MODEL_BLOCK_LIST: ModelBlockList = { families: [], names: {}, prefixes: {}, namespaces: {}, ownServing: [] };

/** The countries a builder's models are "from": its operator's and its parent's. */
const originsOf = (p: Provider) => [p.operator?.country, p.parent?.country].filter((c): c is string => c !== undefined);

/**
 * The families blocked by the block lists, in rule order: a provider block covers that builder's
 * models, a country block the models of builders run from (or owned from) that country. Allow
 * rules of higher priority for the builder (an allowed provider) leave its models out.
 */
export function modelBlockListOf(settings: Pick<EffectiveSettings, 'org' | 'user' | 'mode'>, db: RiskDatabase): ModelBlockList {
  const list: ModelBlockList = { families: [], names: Object.create(null), prefixes: Object.create(null), namespaces: Object.create(null), ownServing: [] };
  if (settings.mode !== 'block') return list;
  const rules = blockRulesOf(settings).filter((r) => r.scope === 'provider' || r.scope === 'country');
  for (const builder of db.providers) {
    if (!builder.models?.length || !builder.operator) continue;
    // The first rule (highest priority) that names the builder decides, as for its own hosts.
    const rule = rules.find((r) => (r.scope === 'provider' ? r.values.includes(builder.id) : r.action === 'block' ? originsOf(builder).some((c) => r.values.includes(c)) : originsOf(builder).every((c) => r.values.includes(c))));
    if (!rule || rule.action !== 'block') continue;
    const matched = rule.scope === 'provider' ? builder.id : (originsOf(builder).find((c) => rule.values.includes(c)) ?? '');
    for (const family of builder.models) {
      const index = list.families.push({ builder: builder.id, family: family.id, openWeights: family.openWeights, rule: `${rule.tier} ${rule.scope} ${matched}` }) - 1;
      for (const pattern of family.patterns) {
        if (pattern.endsWith('*')) list.prefixes[pattern.slice(0, -1)] ??= index;
        else list.names[pattern] ??= index;
      }
      for (const ns of family.namespaces ?? []) list.namespaces[ns] ??= index;
    }
  }
  if (list.families.some((f) => f.openWeights)) {
    for (const p of db.providers) if (p.builderRouting?.mayReachBuilder === false) for (const product of p.products) for (const h of product.hosts) list.ownServing.push(h.host);
  }
  return list;
}

const own = (table: Record<string, number>, key: string): number | undefined => (Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined);

/** The blocked family a model string names (name first, then the longest prefix, then its namespace). */
export function blockedFamilyOf(list: ModelBlockList, model: string): BlockedFamily | undefined {
  if (!list.families.length) return undefined;
  const parsed = parseModelName(model, (ns) => own(list.namespaces, ns) !== undefined);
  if (!parsed) return undefined;
  const byName = (name: string): number | undefined => {
    let index = own(list.names, name);
    for (let end = name.length; index === undefined && end > 0; end--) index = own(list.prefixes, name.slice(0, end));
    return index;
  };
  const index = byName(parsed.name) ?? (parsed.unprefixed === undefined ? undefined : byName(parsed.unprefixed)) ?? (parsed.namespace === undefined ? undefined : own(list.namespaces, parsed.namespace));
  return index === undefined ? undefined : list.families[index];
}

/** `host` is covered by a host pattern (itself or a subdomain; `*` is one label). */
function hostCovered(host: string, pattern: string): boolean {
  const labels = host.split('.');
  const want = pattern.split('.');
  if (labels.length < want.length) return false;
  const tail = labels.slice(labels.length - want.length);
  return want.every((w, i) => w === '*' || w === tail[i]);
}

/** The family that stops a request to `host` naming `model`; undefined when it may go. */
export function modelBlockOf(list: ModelBlockList, host: string, model: string): BlockedFamily | undefined {
  const family = blockedFamilyOf(list, model);
  if (!family) return undefined;
  if (family.openWeights && list.ownServing.some((pattern) => hostCovered(host, pattern))) return undefined;
  return family;
}
