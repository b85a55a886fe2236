/**
 * The compiled risk database with its lookups. Host lookup probes one hash-table slot per label
 * of the queried name (plus the `*` patterns filed under that suffix, a handful at most;
 * database/host-table.ts); model lookup probes one key per character of a bounded name. Neither
 * walks the list of entries.
 */
import type { CompiledDatabase, HostRef, ModelRef } from './database/compile-database.ts';
import { HostTable } from './database/host-table.ts';
import { parseModelName } from './model-name.ts';
import type { Jurisdiction, Law, ModelFamily, Product, ProductHost, Provider } from './provider.ts';

/** One object per database entry, shared by every look-up that finds it: read, never change. */
export interface HostMatch {
  readonly provider: Provider;
  readonly product: Product;
  /** The database entry that matched: its pattern, role and source. */
  readonly host: ProductHost;
}

export interface ModelMatch {
  /** Who built the model family (not where a request's data goes). */
  builder: Provider;
  family: ModelFamily;
  /** Matched by the model name itself, or only by the organisation in front of it. */
  by: 'name' | 'namespace';
}

export class RiskDatabase {
  readonly providers: readonly Provider[];
  /** `null` for a reference to no entry (a hand-made CompiledDatabase): it matches, as nothing. */
  private readonly hosts: HostTable<HostMatch | null>;
  private readonly models: Map<string, ModelRef>;
  private readonly modelPrefixes: Map<string, ModelRef>;
  private readonly namespaces: Map<string, ModelRef>;
  private readonly providerIds: Map<string, number>;
  private readonly productIds: Map<string, [number, number]>;

  constructor(readonly compiled: CompiledDatabase) {
    this.providers = compiled.providers;
    const match = (ref: HostRef) => this.hostMatch(ref) ?? null;
    this.hosts = new HostTable(
      Object.entries(compiled.hosts).map(([host, ref]) => [host, match(ref)]),
      Object.entries(compiled.wildcards).map(([suffix, list]) => [suffix, list.map(([prefix, ...ref]) => ({ prefix, value: match(ref) }))]),
    );
    this.models = new Map(Object.entries(compiled.models));
    this.modelPrefixes = new Map(Object.entries(compiled.modelPrefixes));
    this.namespaces = new Map(Object.entries(compiled.namespaces));
    this.providerIds = new Map(Object.entries(compiled.providerIds));
    this.productIds = new Map(Object.entries(compiled.productIds));
  }

  provider(id: string): Provider | undefined {
    const p = this.providerIds.get(id);
    return p === undefined ? undefined : this.providers[p];
  }

  product(id: string): { provider: Provider; product: Product } | undefined {
    const ref = this.productIds.get(id);
    const provider = ref && this.providers[ref[0]];
    const product = ref && provider?.products[ref[1]];
    return provider && product ? { provider, product } : undefined;
  }

  jurisdiction(country: string): Jurisdiction | undefined {
    return Object.hasOwn(this.compiled.jurisdictions, country) ? this.compiled.jurisdictions[country] : undefined;
  }

  law(id: string): Law | undefined {
    return Object.hasOwn(this.compiled.laws, id) ? this.compiled.laws[id] : undefined;
  }

  /**
   * The product a hostname belongs to: the entry covering the most labels wins, and a plain host
   * beats a `*` pattern of the same length. `deepseek.com` covers `x.deepseek.com`, never
   * `notdeepseek.com` or `deepseek.com.evil.io`.
   */
  lookupHost(hostname: string): HostMatch | undefined {
    return this.hosts.lookup(hostname) ?? undefined;
  }

  private hostMatch([p, q, h]: HostRef): HostMatch | undefined {
    const provider = this.providers[p];
    const product = provider?.products[q];
    const host = product?.hosts[h];
    return provider && product && host ? { provider, product, host } : undefined;
  }

  /** The model family a request's model string belongs to (model-name.ts lists the formats). */
  lookupModel(model: string): ModelMatch | undefined {
    const parsed = parseModelName(model, (ns) => this.namespaces.has(ns));
    if (!parsed) return undefined;
    const ref = this.modelByName(parsed.name) ?? (parsed.unprefixed === undefined ? undefined : this.modelByName(parsed.unprefixed));
    if (ref) return this.modelMatch(ref, 'name');
    const nsRef = parsed.namespace === undefined ? undefined : this.namespaces.get(parsed.namespace);
    return nsRef && this.modelMatch(nsRef, 'namespace');
  }

  /** Exact name first, then the longest listed prefix. */
  private modelByName(name: string): ModelRef | undefined {
    let ref = this.models.get(name);
    for (let end = name.length; !ref && end > 0; end--) ref = this.modelPrefixes.get(name.slice(0, end));
    return ref;
  }

  private modelMatch([p, f]: ModelRef, by: ModelMatch['by']): ModelMatch | undefined {
    const builder = this.providers[p];
    const family = builder?.models?.[f];
    return builder && family ? { builder, family, by } : undefined;
  }
}
