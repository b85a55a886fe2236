/**
 * What `npm run lookup` prints for one hostname or URL: one JSON object a script can read, with
 * the facts, the level, the laws behind it (ids with articles) and the sources of every fact used.
 */
import { decidingFactor, operatingFactsOf, productRisk } from '../../src/core/product-risk.ts';
import type { RiskDatabase } from '../../src/core/risk-database.ts';
import type { RiskLevel } from '../../src/core/risk-level.ts';
import type { Source } from '../../src/core/provider.ts';

export interface LookupRecord {
  input: string;
  matched: boolean;
  host?: string;
  matchedPattern?: string;
  provider?: string;
  providerName?: string;
  product?: string;
  productName?: string;
  role?: string;
  /** null on a not-yet-verified provider (see `unverified`). */
  operator?: string | null;
  operatorCountry?: string | null;
  /** What a not-yet-verified provider still lacks, and what was tried; null once verified. */
  unverified?: { missing: string[]; note: string; reviewed: string } | null;
  /** null when not stated; `noParent` true when the file states the operator is the top company. */
  parent?: string | null;
  parentCountry?: string | null;
  noParent?: boolean;
  dataLocations?: string[] | null;
  trainsOnInputs?: boolean | null;
  /** The plan the training answer is about, and what the provider states for its other plans. */
  trainingTier?: string | null;
  otherTiers?: Array<{ tier: string; byDefault: boolean; optOut: boolean }>;
  retention?: { note: string; days: number | null } | null;
  level?: RiskLevel;
  decidedBy?: { kind: string; country: string } | null;
  laws?: Array<{ id: string; country: string; name: string; articles: string[] }>;
  sources?: Array<{ fact: string; url: string; reviewed: string }>;
}

export function lookupRecord(db: RiskDatabase, input: string, host: string): LookupRecord {
  const match = db.lookupHost(host);
  if (!match) return { input, matched: false, host };
  const { provider, product } = match;
  const facts = operatingFactsOf(provider, product);
  const risk = productRisk(db, provider, product);
  const decided = decidingFactor(risk);
  const sources: NonNullable<LookupRecord['sources']> = [];
  const cite = (fact: string, s: Source | undefined) => s && sources.push({ fact, url: s.url, reviewed: s.reviewed });
  cite('host', match.host.source);
  cite('operator', facts.operator?.source);
  cite('parent', facts.parent?.source ?? facts.noParent?.source);
  facts.regionalEntities?.forEach((e) => cite(`regional entity ${e.name}`, e.source));
  cite('dataLocations', facts.dataLocations?.source);
  cite('trainsOnInputs', facts.trainsOnInputs?.source);
  facts.trainsOnInputs?.otherTiers?.forEach((o) => cite(`trainsOnInputs (${o.tier})`, o.source));
  cite('retention', facts.retention?.source);
  const laws: NonNullable<LookupRecord['laws']> = [];
  const countries = [...new Set(risk.factors.map((f) => f.country))];
  for (const country of countries) {
    const j = db.jurisdiction(country);
    cite(`level of ${country}`, j?.source);
    for (const id of j?.laws ?? []) {
      const law = db.law(id);
      if (!law || laws.some((l) => l.id === id)) continue;
      laws.push({ id, country, name: law.name, articles: law.articles.map((a) => a.ref) });
      cite(`law ${id}`, law.source);
    }
  }
  return {
    input,
    matched: true,
    host,
    matchedPattern: match.host.host,
    provider: provider.id,
    providerName: provider.name,
    product: product.id,
    productName: product.name,
    role: match.host.role,
    operator: facts.operator?.name ?? null,
    operatorCountry: facts.operator?.country ?? null,
    unverified: provider.unverified ? { ...provider.unverified } : null,
    parent: facts.parent?.name ?? null,
    parentCountry: facts.parent?.country ?? null,
    noParent: facts.noParent !== undefined,
    dataLocations: facts.dataLocations?.countries ?? null,
    trainsOnInputs: facts.trainsOnInputs?.byDefault ?? null,
    trainingTier: facts.trainsOnInputs?.tier ?? null,
    otherTiers: (facts.trainsOnInputs?.otherTiers ?? []).map((o) => ({ tier: o.tier, byDefault: o.byDefault, optOut: o.optOut === true })),
    retention: facts.retention ? { note: facts.retention.note, days: facts.retention.days ?? null } : null,
    level: risk.level,
    decidedBy: decided ? { kind: decided.kind, country: decided.country } : null,
    laws,
    sources,
  };
}

/** The host of a hostname or URL typed by a person; an error sentence when it has none. */
export function hostOfInput(input: string): { host: string } | { error: string } {
  const text = input.trim();
  if (text === '') return { error: 'empty input: give a hostname (api.deepseek.com) or a URL (https://api.deepseek.com/v1)' };
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  // `mailto:x@host`, `data:…`: a scheme without `//` is not a host with a port.
  if (!hasScheme && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)) return { error: `${JSON.stringify(input)}: only http(s) and ws(s) URLs have a host to look up` };
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return { error: `${JSON.stringify(input)} is neither a hostname nor a URL` };
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return { error: `${JSON.stringify(input)}: only http(s) and ws(s) URLs have a host to look up` };
  const host = url.hostname.replace(/\.$/, '');
  if (host === '' || !/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/.test(host)) return { error: `${JSON.stringify(input)} has no usable hostname` };
  return { host };
}
