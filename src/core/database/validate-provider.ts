/** Checks one provider file (src/data/providers/<id>.json) against the Provider type. */
import { hostPatternProblem } from '../host-pattern.ts';
import { HOST_ROLES, MARKER_KINDS, PROVIDER_KINDS, ROUTING_FORMATS, SEARCHABLE_FACTS, TRAINING_TIERS, UNVERIFIED_FACTS } from '../provider.ts';
import { type Checker, isObj, type Obj } from './checker.ts';

export const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
/** Model-name patterns: lower case, a trailing `*` for "any rest". */
export const MODEL_PATTERN_RE = /^[a-z0-9][a-z0-9._:+_-]*\*?$/;
const NAMESPACE_RE = /^[a-z0-9][a-z0-9._-]*$/;

const OPERATING_FIELDS = ['operator', 'parent', 'noParent', 'regionalEntities', 'dataLocations', 'trainsOnInputs', 'retention', 'privacyPolicy', 'terms'] as const;
const PROVIDER_FIELDS = ['id', 'name', 'kinds', 'products', 'models', 'routing', 'builderRouting', 'unverified', 'notFound', ...OPERATING_FIELDS];
const PRODUCT_FIELDS = ['id', 'name', 'hosts', 'markers', ...OPERATING_FIELDS];
/** A global is one JavaScript identifier (`botpress`, `$crisp`). */
export const GLOBAL_MARKER_RE = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/;
/** Selectors stay in a plain subset (ids, classes, tags, attribute tests), checked in the page with querySelector. */
export const SELECTOR_MARKER_RE = /^[A-Za-z0-9_#.\-\[\]=^$*"' ,>:()]{1,160}$/;

/** What a host, model pattern or id is claimed by, across all files. */
export interface Claims {
  hosts: Map<string, string>;
  productIds: Map<string, string>;
  markers: Map<string, string>;
  modelIds: Map<string, string>;
  patterns: Map<string, string>;
  namespaces: Map<string, string>;
  /** Countries a provider sits in (operator, parent, regional entities), for the jurisdiction check. */
  countries: Map<string, string>;
}

export const newClaims = (): Claims => ({
  hosts: new Map(),
  productIds: new Map(),
  markers: new Map(),
  modelIds: new Map(),
  patterns: new Map(),
  namespaces: new Map(),
  countries: new Map(),
});

function claim(c: Checker, entry: string, at: string, map: Map<string, string>, key: string, owner: string, what: string): void {
  const before = map.get(key);
  if (before !== undefined && before !== owner) c.fail(entry, at, `${what} ${key} is already claimed by ${before}`);
  else if (before !== undefined) c.fail(entry, at, `${what} ${key} is listed twice`);
  else map.set(key, owner);
}

function company(c: Checker, entry: string, obj: Obj, at: string, claims: Claims, extra: string[] = []): void {
  c.known(entry, obj, at, ['name', 'country', 'note', 'source', ...extra]);
  c.string(entry, obj, at, 'name');
  const given = c.string(entry, obj, at, 'country');
  const code = given === undefined ? undefined : c.country(entry, `${at}country`, given);
  if (code !== undefined && !claims.countries.has(code)) claims.countries.set(code, `${c.file}: ${entry}: ${at}country`);
  c.optionalString(entry, obj, at, 'note');
  c.source(entry, obj, at);
}

/** One plan's training statement: `byDefault`, `optOut` (only with byDefault), `note`, `source`, and its `tier`. */
function tierTraining(c: Checker, entry: string, t: Obj, at: string, extra: string[], tierRequired: boolean): void {
  c.known(entry, t, at, ['tier', 'byDefault', 'optOut', 'note', 'source', ...extra]);
  if (tierRequired || 'tier' in t) {
    if (typeof t.tier !== 'string' || !(TRAINING_TIERS as readonly string[]).includes(t.tier)) c.fail(entry, `${at}tier`, `${JSON.stringify(t.tier)} must be one of ${TRAINING_TIERS.join(', ')}`);
  }
  c.boolean(entry, t, at, 'byDefault');
  if ('optOut' in t) {
    c.boolean(entry, t, at, 'optOut');
    // Opting out of something that is off by default says nothing: the field would mislead.
    if (t.byDefault !== true) c.fail(entry, `${at}optOut`, 'only with byDefault: true (inputs are not used for training by default)');
  }
  c.optionalString(entry, t, at, 'note');
  c.source(entry, t, at);
}

/** operator, parent, regionalEntities, dataLocations, trainsOnInputs, privacyPolicy, terms. */
function operatingFacts(c: Checker, entry: string, obj: Obj, at: string, claims: Claims, operatorRequired: boolean): void {
  if (isObj(obj.operator)) company(c, entry, obj.operator, `${at}operator.`, claims);
  else if (operatorRequired || 'operator' in obj) c.fail(entry, `${at}operator`, 'missing (who runs the service)');
  if ('parent' in obj) {
    if (isObj(obj.parent)) company(c, entry, obj.parent, `${at}parent.`, claims);
    else c.fail(entry, `${at}parent`, 'must be an object');
  }
  if ('regionalEntities' in obj) {
    c.array(entry, obj, at, 'regionalEntities').forEach((e, i) => {
      const eat = `${at}regionalEntities[${i}].`;
      if (!isObj(e)) return c.fail(entry, eat, 'not an object');
      company(c, entry, e, eat, claims, ['serves']);
      c.string(entry, e, eat, 'serves');
    });
  }
  if ('dataLocations' in obj) {
    const d = obj.dataLocations;
    if (!isObj(d)) c.fail(entry, `${at}dataLocations`, 'must be an object');
    else {
      const dat = `${at}dataLocations.`;
      c.known(entry, d, dat, ['countries', 'note', 'source']);
      c.array(entry, d, dat, 'countries').forEach((code, i) => c.country(entry, `${dat}countries[${i}]`, code));
      c.optionalString(entry, d, dat, 'note');
      c.source(entry, d, dat);
    }
  }
  if ('trainsOnInputs' in obj) {
    const t = obj.trainsOnInputs;
    if (!isObj(t)) c.fail(entry, `${at}trainsOnInputs`, 'must be an object');
    else {
      const tat = `${at}trainsOnInputs.`;
      tierTraining(c, entry, t, tat, ['otherTiers'], false);
      const tiers = 'tier' in t ? [t.tier] : [];
      if ('otherTiers' in t) {
        c.array(entry, t, tat, 'otherTiers').forEach((o, i) => {
          const oat = `${tat}otherTiers[${i}].`;
          if (!isObj(o)) return c.fail(entry, oat, 'not an object');
          tierTraining(c, entry, o, oat, [], true);
          if (tiers.includes(o.tier)) c.fail(entry, `${oat}tier`, `${JSON.stringify(o.tier)} is stated twice`);
          tiers.push(o.tier);
        });
        if (!('tier' in t)) c.fail(entry, `${tat}tier`, 'missing (with otherTiers, say which plan the main statement is about)');
      }
    }
  }
  if ('noParent' in obj) {
    const n = obj.noParent;
    if (!isObj(n)) c.fail(entry, `${at}noParent`, 'must be an object ({ note?, source })');
    else {
      c.known(entry, n, `${at}noParent.`, ['note', 'source']);
      c.optionalString(entry, n, `${at}noParent.`, 'note');
      c.source(entry, n, `${at}noParent.`);
    }
    if ('parent' in obj) c.fail(entry, `${at}noParent`, 'contradicts "parent" (keep one of them)');
  }
  if ('retention' in obj) {
    const r = obj.retention;
    if (!isObj(r)) c.fail(entry, `${at}retention`, 'must be an object ({ note, days?, source })');
    else {
      c.known(entry, r, `${at}retention.`, ['note', 'days', 'source']);
      c.string(entry, r, `${at}retention.`, 'note');
      if ('days' in r && !(typeof r.days === 'number' && Number.isInteger(r.days) && r.days >= 0 && r.days <= 36_500)) c.fail(entry, `${at}retention.days`, `${JSON.stringify(r.days)} is not a whole number of days`);
      c.source(entry, r, `${at}retention.`);
    }
  }
  for (const key of ['privacyPolicy', 'terms']) if (key in obj) c.sourceAt(entry, obj, at, key, 'a URL and a review date');
}

function oneOf<T extends string>(c: Checker, entry: string, obj: Obj, at: string, key: string, allowed: readonly T[]): T | undefined {
  const v = obj[key];
  if (typeof v === 'string' && allowed.includes(v as T)) return v as T;
  c.fail(entry, `${at}${key}`, `${JSON.stringify(v)} must be one of ${allowed.join(', ')}`);
  return undefined;
}

function product(c: Checker, entry: string, providerId: string, raw: unknown, at: string, claims: Claims): void {
  if (!isObj(raw)) return c.fail(entry, at, 'not an object');
  c.known(entry, raw, at, PRODUCT_FIELDS);
  const id = c.string(entry, raw, at, 'id', ID_RE);
  const owner = `${providerId}/${id ?? at}`;
  if (id !== undefined) claim(c, entry, `${at}id`, claims.productIds, id, providerId, 'product id');
  c.string(entry, raw, at, 'name');
  operatingFacts(c, entry, raw, at, claims, false);
  c.array(entry, raw, at, 'hosts').forEach((h, k) => {
    const hat = `${at}hosts[${k}].`;
    if (!isObj(h)) return c.fail(entry, hat, 'not an object');
    c.known(entry, h, hat, ['host', 'role', 'source']);
    const host = c.string(entry, h, hat, 'host');
    const problem = host === undefined ? undefined : hostPatternProblem(host);
    if (problem) c.fail(entry, `${hat}host`, `${JSON.stringify(host)} ${problem}`);
    oneOf(c, entry, h, hat, 'role', HOST_ROLES);
    c.source(entry, h, hat);
    if (host !== undefined && !problem) claim(c, entry, `${hat}host`, claims.hosts, host, owner, 'host');
  });
  if (raw.markers !== undefined) {
    c.array(entry, raw, at, 'markers').forEach((m, k) => {
      const mat = `${at}markers[${k}].`;
      if (!isObj(m)) return c.fail(entry, mat, 'not an object');
      c.known(entry, m, mat, ['kind', 'value', 'source']);
      const kind = oneOf(c, entry, m, mat, 'kind', MARKER_KINDS);
      const re = kind === 'global' ? GLOBAL_MARKER_RE : SELECTOR_MARKER_RE;
      const value = c.string(entry, m, mat, 'value');
      if (value !== undefined && kind !== undefined && !re.test(value)) c.fail(entry, `${mat}value`, `${JSON.stringify(value)} is not a plain ${kind} marker`);
      c.source(entry, m, mat);
      if (value !== undefined) claim(c, entry, `${mat}value`, claims.markers, `${kind}:${value}`, owner, 'marker');
    });
  }
}

function modelFamily(c: Checker, entry: string, providerId: string, raw: unknown, at: string, claims: Claims): void {
  if (!isObj(raw)) return c.fail(entry, at, 'not an object');
  c.known(entry, raw, at, ['id', 'name', 'patterns', 'namespaces', 'openWeights', 'source']);
  const id = c.string(entry, raw, at, 'id', ID_RE);
  if (id !== undefined) claim(c, entry, `${at}id`, claims.modelIds, id, providerId, 'model family id');
  const owner = `${providerId}/${id ?? at}`;
  c.string(entry, raw, at, 'name');
  c.array(entry, raw, at, 'patterns').forEach((p, i) => {
    if (typeof p !== 'string' || !MODEL_PATTERN_RE.test(p)) return c.fail(entry, `${at}patterns[${i}]`, `${JSON.stringify(p)} is not a lower-case model pattern (a trailing * allowed)`);
    claim(c, entry, `${at}patterns[${i}]`, claims.patterns, p, owner, 'model pattern');
  });
  if ('namespaces' in raw) {
    c.array(entry, raw, at, 'namespaces').forEach((n, i) => {
      if (typeof n !== 'string' || !NAMESPACE_RE.test(n)) return c.fail(entry, `${at}namespaces[${i}]`, `${JSON.stringify(n)} is not a lower-case namespace`);
      claim(c, entry, `${at}namespaces[${i}]`, claims.namespaces, n, owner, 'namespace');
    });
  }
  c.boolean(entry, raw, at, 'openWeights');
  c.source(entry, raw, at);
}

/**
 * The not-yet-verified tier (docs/data.md): the facts still missing, why, and when someone last
 * tried. Without an operator the file must say the operator is missing; with one, something else
 * must be (else the provider is simply verified). Its products may not state their own operator:
 * a confirmed operator belongs at the top, which makes the provider verified.
 */
function notYetVerified(c: Checker, entry: string, raw: Obj): string[] | undefined {
  const u = raw.unverified;
  if (!isObj(u)) {
    c.fail(entry, 'unverified', 'must be an object ({ missing, note, reviewed })');
    return [];
  }
  c.known(entry, u, 'unverified.', ['missing', 'note', 'reviewed']);
  const missing = c.array(entry, u, 'unverified.', 'missing').filter((m, i): m is string => {
    if (typeof m === 'string' && (UNVERIFIED_FACTS as readonly string[]).includes(m)) return true;
    c.fail(entry, `unverified.missing[${i}]`, `${JSON.stringify(m)} must be one of ${UNVERIFIED_FACTS.join(', ')}`);
    return false;
  });
  if (new Set(missing).size !== missing.length) c.fail(entry, 'unverified.missing', 'lists a fact twice');
  c.string(entry, u, 'unverified.', 'note');
  c.date(entry, u, 'unverified.', 'reviewed');
  if (!('operator' in raw) && !missing.includes('operator')) c.fail(entry, 'unverified.missing', 'must include "operator" when the file names no operator');
  if ('operator' in raw && missing.includes('operator')) c.fail(entry, 'unverified.missing', 'says "operator" is missing, but the file names one (remove one of them)');
  if ('operator' in raw && missing.includes('country')) c.fail(entry, 'unverified.missing', 'says "country" is missing, but the file names an operator with its country');
  if (('parent' in raw || 'noParent' in raw) && missing.includes('parent')) c.fail(entry, 'unverified.missing', 'says "parent" is missing, but the file states it');
  if (Array.isArray(raw.products)) {
    raw.products.forEach((p, i) => {
      if (isObj(p) && 'operator' in p && !('operator' in raw)) c.fail(entry, `products[${i}].operator`, 'a not-yet-verified provider has no operator: a product cannot name its own (confirm it at the top and remove "unverified")');
    });
  }
  return missing;
}

export function validateProvider(c: Checker, fileId: string, raw: unknown, claims: Claims): void {
  if (!isObj(raw)) return c.fail('(file)', '', 'is not a JSON object');
  const id = c.string('(file)', raw, '', 'id', ID_RE);
  const entry = id ? `provider "${id}"` : '(file)';
  if (id !== undefined && id !== fileId) c.fail(entry, 'id', `must equal the file name ("${fileId}")`);
  c.known(entry, raw, '', PROVIDER_FIELDS);
  c.string(entry, raw, '', 'name');
  const kinds = c.array(entry, raw, '', 'kinds');
  kinds.forEach((k, i) => {
    if (typeof k !== 'string' || !(PROVIDER_KINDS as readonly string[]).includes(k)) c.fail(entry, `kinds[${i}]`, `${JSON.stringify(k)} must be one of ${PROVIDER_KINDS.join(', ')}`);
  });
  const unverified = 'unverified' in raw ? notYetVerified(c, entry, raw) : undefined;
  operatingFacts(c, entry, raw, '', claims, unverified === undefined);
  c.array(entry, raw, '', 'products').forEach((p, i) => product(c, entry, id ?? fileId, p, `products[${i}].`, claims));
  if ('notFound' in raw) notFound(c, entry, raw);
  if ('models' in raw) c.array(entry, raw, '', 'models').forEach((m, i) => modelFamily(c, entry, id ?? fileId, m, `models[${i}].`, claims));
  if (isObj(raw.routing)) {
    c.known(entry, raw.routing, 'routing.', ['format', 'example', 'source']);
    oneOf(c, entry, raw.routing, 'routing.', 'format', ROUTING_FORMATS);
    c.string(entry, raw.routing, 'routing.', 'example');
    c.source(entry, raw.routing, 'routing.');
  } else if ('routing' in raw) c.fail(entry, 'routing', 'must be an object');
  else if (kinds.includes('aggregator')) c.fail(entry, 'routing', 'missing (an aggregator must say how requests name the upstream model)');
  if (isObj(raw.builderRouting)) {
    c.known(entry, raw.builderRouting, 'builderRouting.', ['mayReachBuilder', 'note', 'source']);
    c.boolean(entry, raw.builderRouting, 'builderRouting.', 'mayReachBuilder');
    c.optionalString(entry, raw.builderRouting, 'builderRouting.', 'note');
    c.source(entry, raw.builderRouting, 'builderRouting.');
  } else if ('builderRouting' in raw) c.fail(entry, 'builderRouting', 'must be an object ({ mayReachBuilder, note?, source })');
}

/** Where a provider states a fact: at the top, or on every product (completeness.ts counts the same way). */
export function statesFact(raw: Obj, field: string): boolean {
  if (field in raw) return true;
  if (field === 'parent' && 'noParent' in raw) return true;
  const products = Array.isArray(raw.products) ? raw.products : [];
  return products.length > 0 && products.every((p) => isObj(p) && (field in p || (field === 'parent' && 'noParent' in p)));
}

/** What was searched for and not found: one entry per fact, never for a fact the file states. */
function notFound(c: Checker, entry: string, raw: Obj): void {
  const seen = new Set<unknown>();
  c.array(entry, raw, '', 'notFound').forEach((n, i) => {
    const at = `notFound[${i}].`;
    if (!isObj(n)) return c.fail(entry, at, 'not an object');
    c.known(entry, n, at, ['field', 'searched', 'reviewed']);
    const field = oneOf(c, entry, n, at, 'field', SEARCHABLE_FACTS);
    c.string(entry, n, at, 'searched');
    c.date(entry, n, at, 'reviewed');
    if (field === undefined) return;
    if (seen.has(field)) c.fail(entry, `${at}field`, `"${field}" is listed twice`);
    seen.add(field);
    if (statesFact(raw, field)) c.fail(entry, `${at}field`, `"${field}" is stated in the file: it cannot be not found (remove one of them)`);
  });
}
