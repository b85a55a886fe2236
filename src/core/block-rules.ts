/**
 * Compiles the block and allow decisions (block-scope.ts) into declarativeNetRequest dynamic
 * rules, in the order and with the priorities the decisions have, grouping hosts so that the
 * count depends on how many kinds of decision there are, not on how many providers, countries
 * or sites they name. IDs come from fixed ranges per group (constants.ts).
 *
 * Per decision:
 * - block: one `block` rule for everything but top-level navigations, and one `redirect` of
 *   top-level navigations to the block page, which receives the URL after `#`;
 * - allow: one `allow` for navigations and one for everything else (without `resourceTypes` a
 *   rule leaves navigations out);
 * - site block: `block` of requests to every AI host from the site's documents
 *   (`initiatorDomains`); site allow: `allowAllRequests` on the site's frames.
 * Host patterns with a `*` label cannot be written as `requestDomains`; each gets a regexFilter.
 */
import { isEnforcing } from './settings.ts';
import { type BlockRule, blockRulesOf, covers, productTargets, type RuleGroup } from './block-scope.ts';
import { DOMAINS_PER_RULE, DYNAMIC_RULE_BUDGET, REGEX_RULE_BUDGET, RULE_GROUPS, RULE_IDS_PER_GROUP, UNSAFE_RULE_BUDGET } from './constants.ts';
import type { DnrCondition, DnrRule } from './dnr-rule.ts';
import type { EffectiveSettings } from './policy-merge.ts';
import type { RiskDatabase } from './risk-database.ts';

export interface RuleStats {
  rules: number;
  regexRules: number;
  /** Redirects: Chrome counts them against its smaller "unsafe" budget. */
  unsafeRules: number;
  /** Distinct hosts and host patterns named. */
  hosts: number;
}

export interface CompiledRules {
  rules: DnrRule[];
  stats: RuleStats;
  /** Rules left out to stay within the browsers' limits, in words (none in practice). */
  problems: string[];
}

const isWild = (pattern: string) => pattern.includes('*');
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A whole-URL regex for a host pattern with `*` labels (and its subdomains), any scheme, user-info
 * and port. A regex sees the host as the URL spells it, so it also takes the fully qualified
 * spelling with a trailing dot (`host.amazonaws.com.`), which reaches the same server;
 * `requestDomains` needs no such care (Chrome matches that spelling to the domain).
 */
export function hostPatternRegex(pattern: string, firstLabel?: string): string {
  // `firstLabel`: a ready regex for one more label in front (an alternation of names).
  const labels = pattern.split('.').map((label) => (label === '*' ? '[^./?#@:]+' : escapeRe(label)));
  const body = (firstLabel === undefined ? labels : [firstLabel, ...labels]).join('\\.');
  return `^[a-z][a-z0-9+.-]*://(?:[^/?#]*@)?(?:[^/?#@:]*\\.)?${body}\\.?(?::[0-9]+)?(?:[/?#].*)?$`;
}

/** The strict parent domains of a host: `a.b.c` → `b.c`, `c`. */
function parentsOf(host: string): string[] {
  const out: string[] = [];
  for (let i = host.indexOf('.'); i >= 0; i = host.indexOf('.', i + 1)) out.push(host.slice(i + 1));
  return out;
}

const underAny = (host: string, set: ReadonlySet<string>) => parentsOf(host).some((p) => set.has(p));

/**
 * Splits plain host patterns into layers that `requestDomains` + `excludedRequestDomains` can
 * express. A host of another service below a listed one (`api.x.com` of B under `x.com` of A) is
 * excluded, since lookups give it to B; a listed host below such an exclusion goes to a next layer.
 * Set lookups per label keep this linear in the number of hosts.
 */
export function domainLayers(listed: readonly string[], allPlain: readonly string[]): Array<{ domains: string[]; excluded: string[] }> {
  const inSet = new Set(listed);
  const others = allPlain.filter((h) => !inSet.has(h));
  const layers: Array<{ domains: string[]; excluded: string[] }> = [];
  let remaining = new Set(inSet);
  while (remaining.size) {
    const top = new Set([...remaining].filter((h) => !underAny(h, remaining)));
    const excluded = new Set(others.filter((o) => underAny(o, top)));
    layers.push({ domains: [...top].sort(), excluded: [...excluded].sort() });
    remaining = new Set([...remaining].filter((h) => !top.has(h) && underAny(h, excluded)));
  }
  return layers;
}

/**
 * Regex filters for host patterns with `*` labels. Patterns that differ only in their first label
 * (`bedrock-runtime.*.amazonaws.com`, `bedrock.*.amazonaws.com`, …) could share an alternation,
 * but Chrome refuses a regex that compiles to more than 2 KB, and nine such names already do
 * (seen in Chromium 156), so by default each pattern keeps its own.
 * https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#regex-rules
 */
export function wildcardRegexes(patterns: readonly string[], perRegex = 1): string[] {
  const shapes = new Map<string, string[]>();
  for (const pattern of [...new Set(patterns)].sort()) {
    const [first, ...rest] = pattern.split('.');
    const key = first === '*' ? pattern : `?.${rest.join('.')}`;
    shapes.set(key, [...(shapes.get(key) ?? []), first === '*' ? '' : first!]);
  }
  const out: string[] = [];
  for (const [key, firsts] of shapes) {
    if (!key.startsWith('?.')) {
      out.push(hostPatternRegex(key));
      continue;
    }
    for (const group of chunks(firsts, perRegex)) {
      const alternation = group.length === 1 ? escapeRe(group[0]!) : `(?:${group.map(escapeRe).join('|')})`;
      out.push(hostPatternRegex(key.slice(2), alternation));
    }
  }
  return out;
}

function chunks<T>(items: readonly T[], size = DOMAINS_PER_RULE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Draft = Omit<DnrRule, 'id'> & { group: RuleGroup };

/** Host conditions for a set of patterns: plain layers (chunked) and one regex per `*` pattern. */
/** Hosts of the database, and which of them each `*` pattern's regex covers (computed once per compile). */
interface HostIndex {
  allPlain: readonly string[];
  underWildcard: Map<string, string[]>;
}

function hostConditions(patterns: readonly string[], index: HostIndex): DnrCondition[] {
  const { allPlain } = index;
  const plain = patterns.filter((p) => !isWild(p));
  const wild = patterns.filter(isWild);
  const listed = new Set(plain);
  const conditions: DnrCondition[] = [];
  for (const layer of domainLayers(plain, allPlain)) {
    for (const domains of chunks(layer.domains)) {
      conditions.push({ requestDomains: domains, ...(layer.excluded.length ? { excludedRequestDomains: layer.excluded } : {}) });
    }
  }
  for (const regexFilter of wildcardRegexes(wild)) {
    // Another service's plain host below the pattern is that service's (lookups prefer it).
    let covered = index.underWildcard.get(regexFilter);
    if (!covered) {
      const re = new RegExp(regexFilter);
      covered = allPlain.filter((h) => re.test(`https://${h}/`));
      index.underWildcard.set(regexFilter, covered);
    }
    const excluded = covered.filter((h) => !listed.has(h));
    conditions.push({ regexFilter, ...(excluded.length ? { excludedRequestDomains: excluded } : {}) });
  }
  return conditions;
}

function draftsFor(rule: BlockRule, db: RiskDatabase, index: HostIndex, blockPageUrl: string): Draft[] {
  const { priority, group } = rule;
  const draft = (type: DnrRule['action']['type'], condition: DnrCondition, redirect?: boolean): Draft => ({
    priority,
    group,
    action: redirect ? { type, redirect: { regexSubstitution: `${blockPageUrl}#\\0` } } : { type },
    condition,
  });
  const targets = productTargets(db).filter((t) => covers(rule, t));
  const patterns = [...new Set(targets.flatMap((t) => t.hosts))];
  if (rule.scope === 'site' && rule.action === 'allow') {
    return chunks(rule.values).map((sites) => draft('allowAllRequests', { requestDomains: sites, resourceTypes: ['main_frame', 'sub_frame'] }));
  }
  const hosts = hostConditions(patterns, index);
  if (rule.scope === 'site') {
    return chunks(rule.values).flatMap((sites) => hosts.map((h) => draft('block', { ...h, initiatorDomains: sites, excludedResourceTypes: ['main_frame'] })));
  }
  if (rule.action === 'allow') {
    return hosts.flatMap((h) => [draft('allow', { ...h, resourceTypes: ['main_frame'] }), draft('allow', { ...h, excludedResourceTypes: ['main_frame'] })]);
  }
  return hosts.flatMap((h) => [
    draft('block', { ...h, excludedResourceTypes: ['main_frame'] }),
    draft('redirect', { regexFilter: '^.+$', ...h, resourceTypes: ['main_frame'] }, true),
  ]);
}

/**
 * The rules for `settings` against the (policy) database. Only `block` mode compiles any: in
 * `warn` and `monitor` the decisions are shown, not enforced. `blockPageUrl` is the extension's
 * block page (runtime.getURL), which differs per browser and install.
 */
export function compileBlockRules(settings: Pick<EffectiveSettings, 'mode' | 'org' | 'user'>, db: RiskDatabase, blockPageUrl: string): CompiledRules {
  const problems: string[] = [];
  const drafts: Draft[] = [];
  if (isEnforcing(settings.mode)) {
    const allPlain = [...new Set(productTargets(db).flatMap((t) => t.hosts.filter((h) => !isWild(h))))];
    const index: HostIndex = { allPlain, underWildcard: new Map() };
    for (const rule of blockRulesOf(settings)) drafts.push(...draftsFor(rule, db, index, blockPageUrl));
  }
  // Drafts come highest priority first (the organization's before the user's): if a budget were
  // ever exceeded, the user's broadest decisions would be the ones left out, and said so.
  const rules: DnrRule[] = [];
  const next = new Map<RuleGroup, number>();
  let regexRules = 0;
  let unsafeRules = 0;
  for (const { group, ...draft } of drafts) {
    const used = next.get(group) ?? 0;
    const isRegex = draft.condition.regexFilter !== undefined;
    const isUnsafe = draft.action.type === 'redirect';
    const why =
      used >= RULE_IDS_PER_GROUP ? `more than ${RULE_IDS_PER_GROUP} rules in ${group}`
      : rules.length >= DYNAMIC_RULE_BUDGET ? `more than ${DYNAMIC_RULE_BUDGET} rules`
      : isRegex && regexRules >= REGEX_RULE_BUDGET ? `more than ${REGEX_RULE_BUDGET} regex rules`
      : isUnsafe && unsafeRules >= UNSAFE_RULE_BUDGET ? `more than ${UNSAFE_RULE_BUDGET} redirect rules`
      : undefined;
    if (why) {
      problems.push(`${group}: a ${draft.action.type} rule was left out (${why})`);
      continue;
    }
    next.set(group, used + 1);
    if (isRegex) regexRules++;
    if (isUnsafe) unsafeRules++;
    rules.push({ id: RULE_GROUPS.indexOf(group) * RULE_IDS_PER_GROUP + used + 1, ...draft });
  }
  const hosts = new Set(rules.flatMap((r) => [...(r.condition.requestDomains ?? []), ...(r.condition.regexFilter && r.condition.regexFilter !== '^.+$' ? [r.condition.regexFilter] : [])]));
  return { rules, stats: { rules: rules.length, regexRules, unsafeRules, hosts: hosts.size }, problems };
}
