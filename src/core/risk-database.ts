/**
 * The compiled risk database with its lookups. Host lookup probes one hash-table key per label
 * of the queried name (plus the `*` patterns filed under that suffix, a handful at most); model
 * lookup probes one key per character of a bounded name. Neither walks the list of entries.
 */
import type { CompiledDatabase, HostRef, ModelRef } from './database/compile-database.ts';
import { normalizeHostname } from './hostname.ts';
import { parseModelName } from './model-name.ts';
import type { Jurisdiction, Law, ModelFamily, Product, ProductHost, Provider } from './provider.ts';

export interface HostMatch {
  provider: Provider;
  product: Product;
  /** The database entry that matched: its pattern, role and source. */
  host: ProductHost;
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
  private readonly hosts: Map<string, HostRef>;
  private readonly wildcards: Map<string, CompiledDatabase['wildcards'][string]>;
  private readonly models: Map<string, ModelRef>;
  private readonly modelPrefixes: Map<string, ModelRef>;
  private readonly namespaces: Map<string, ModelRef>;
  private readonly providerIds: Map<string, number>;
  private readonly productIds: Map<string, [number, number]>;

  constructor(readonly compiled: CompiledDatabase) {
    this.providers = compiled.providers;
    this.hosts = new Map(Object.entries(compiled.hosts));
    this.wildcards = new Map(Object.entries(compiled.wildcards));
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
    const name = normalizeHostname(hostname);
    if (name.length > 253) return undefined;
    let best: HostRef | undefined;
    let bestStart = Infinity;
    let labels: string[] | undefined; // split only when a `*` pattern needs it
    // `label` counts the labels cut off the front; `offset` is where the probed suffix starts.
    for (let label = 0, offset = 0; offset >= 0; label++) {
      const suffix = offset === 0 ? name : name.slice(offset);
      const next = name.indexOf('.', offset);
      if (next < 0) break; // a single label is never an entry
      if (best === undefined) {
        const exact = this.hosts.get(suffix);
        if (exact) {
          best = exact;
          bestStart = label;
        }
      }
      const wild = this.wildcards.size ? this.wildcards.get(suffix) : undefined;
      if (wild) {
        labels ??= name.split('.');
        for (const [prefix, ...ref] of wild) {
          const from = label - prefix.length;
          if (from < 0 || from >= bestStart) continue;
          if (prefix.every((l, i) => l === '*' || l === labels![from + i])) {
            best = ref;
            bestStart = from;
          }
        }
      }
      offset = next + 1;
    }
    return best && this.hostMatch(best);
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
