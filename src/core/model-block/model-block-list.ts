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
import { parseModelName } from '../model-name.ts';
import type { EffectiveSettings } from '../policy-merge.ts';
import type { Provider } from '../provider.ts';
import type { RiskDatabase } from '../risk-database.ts';
import { blockRulesOf } from '../block-scope.ts';

/** One blocked model family, with the rule that blocks it: "org provider deepseek". */
export interface BlockedFamily {
  /** The builder's provider ID; empty for an organization's model-name pattern. */
  builder: string;
  family: string;
  openWeights: boolean;
  rule: string;
  /** Blocked for who built it (blockedModelBuilders, blockedModelOrigins, blockedModels): wherever it is served. */
  anywhere?: boolean;
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
  /** Host patterns of resellers and clouds that may pass open-weight models on to their builders. */
  forwarders: string[];
  /** The organization's model-name patterns (`*` for any characters), with their rule. */
  globs?: Array<{ pattern: string; rule: string }>;
  /**
   * Hosts of allowed providers (an organization's own gateway, say) and allowed sites: a block by
   * provider or country does not reach through what the lists allow; provenance blocks still do.
   */
  exemptHosts?: string[];
  exemptSites?: string[];
}

export const EMPTY_MODEL_BLOCK_LIST: ModelBlockList = { families: [], names: {}, prefixes: {}, namespaces: {}, forwarders: [] };

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
  if (settings.mode !== 'block') return list;
  const rules = blockRulesOf(settings).filter((r) => r.scope === 'provider' || r.scope === 'country');
  for (const builder of db.providers) {
    if (!builder.models?.length || !builder.operator) continue;
    const provenance = provenanceRule(settings, builder);
    // Else the first rule (highest priority) that names the builder decides, as for its own hosts.
    const rule = provenance ? undefined : rules.find((r) => (r.scope === 'provider' ? r.values.includes(builder.id) : r.action === 'block' ? originsOf(builder).some((c) => r.values.includes(c)) : originsOf(builder).every((c) => r.values.includes(c))));
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

/** `text` matches `pattern`, where `*` stands for any run of characters (no other special characters). */
export function globMatch(pattern: string, text: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === text;
  if (!text.startsWith(parts[0]!) || !text.endsWith(parts[parts.length - 1]!)) return false;
  let at = parts[0]!.length;
  const end = text.length - parts[parts.length - 1]!.length;
  for (const part of parts.slice(1, -1)) {
    const found = text.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return at <= end;
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

/**
 * The family that stops a request to `host` naming `model`; undefined when it may go. `known`:
 * the host belongs to an AI service of the database (not a relay nobody listed); `site`: the
 * host of the page that sends it.
 */
export function modelBlockOf(list: ModelBlockList, host: string, model: string, known = true, site?: string): BlockedFamily | undefined {
  const family = blockedFamilyOf(list, model);
  const exempt = () => list.exemptHosts?.some((pattern) => hostCovered(host, pattern)) === true || (site !== undefined && list.exemptSites?.some((s) => hostCovered(site, s)) === true);
  const passes = family !== undefined && !family.anywhere && ((family.openWeights && known && !list.forwarders.some((pattern) => hostCovered(host, pattern))) || exempt());
  if (family && !passes) return family;
  // The organization's own patterns, on the model as sent and on its name without the vendor prefix.
  if (list.globs?.length) {
    const whole = model.trim().toLowerCase().slice(0, 256);
    const name = whole.slice(whole.lastIndexOf('/') + 1);
    const glob = list.globs.find((g) => globMatch(g.pattern, whole) || globMatch(g.pattern, name));
    if (glob) return { builder: '', family: glob.pattern, openWeights: false, rule: glob.rule, anywhere: true };
  }
  return undefined;
}
