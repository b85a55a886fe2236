/**
 * Whether a request names a blocked model (issue 16): the part of core/model-block the page hook
 * runs in every frame, so it imports nothing but the model-name parser and host-pattern matching. The list itself is
 * compiled in the background (model-block-list.ts).
 */
import { hostMatchesPattern } from '../host-pattern.ts';
import { parseModelName } from '../model-name.ts';

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

/**
 * The family that stops a request to `host` naming `model`; undefined when it may go. `known`:
 * the host belongs to an AI service of the database (not a relay nobody listed); `site`: the
 * host of the page that sends it.
 */
export function modelBlockOf(list: ModelBlockList, host: string, model: string, known = true, site?: string): BlockedFamily | undefined {
  const family = blockedFamilyOf(list, model);
  const exempt = () => list.exemptHosts?.some((pattern) => hostMatchesPattern(host, pattern)) === true || (site !== undefined && list.exemptSites?.some((s) => hostMatchesPattern(site, s)) === true);
  const passes = family !== undefined && !family.anywhere && ((family.openWeights && known && !list.forwarders.some((pattern) => hostMatchesPattern(host, pattern))) || exempt());
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
