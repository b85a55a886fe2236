/**
 * The small part of the risk database that content scripts carry (built into them by
 * scripts/vite-plugin-database.ts as `virtual:detection-hints`): host suffixes that may belong
 * to an AI product, and the page globals and DOM markers of AI widgets. The full database (and
 * the decision what a host is) stays in the background; content scripts only decide what is
 * worth reporting, so that a page's ordinary traffic never leaves the page.
 */
import { fixedSuffixOf } from './host-pattern.ts';
import type { Provider } from './provider.ts';

export interface DetectionHints {
  /** Fixed suffixes of every host pattern (`bedrock-runtime.*.amazonaws.com` → `amazonaws.com`). */
  hostSuffixes: string[];
  /** [window property, product id]. */
  globals: Array<[string, string]>;
  /** [CSS selector, product id]. */
  selectors: Array<[string, string]>;
}

export function compileDetectionHints(providers: readonly Provider[]): DetectionHints {
  const suffixes = new Set<string>();
  const hints: DetectionHints = { hostSuffixes: [], globals: [], selectors: [] };
  for (const provider of providers) {
    for (const product of provider.products) {
      for (const { host } of product.hosts) suffixes.add(fixedSuffixOf(host));
      for (const m of product.markers ?? []) (m.kind === 'global' ? hints.globals : hints.selectors).push([m.value, product.id]);
    }
  }
  hints.hostSuffixes = withoutCovered(suffixes);
  return hints;
}

/**
 * The suffixes no other suffix of the set already covers: `api.openai.com` adds nothing where
 * `openai.com` is listed, because `mayBeAiHost` tries every parent domain of a host. Every frame
 * of every page carries this list, so each entry saved counts.
 */
function withoutCovered(suffixes: ReadonlySet<string>): string[] {
  const covered = (suffix: string) => {
    for (let dot = suffix.indexOf('.'); dot >= 0; dot = suffix.indexOf('.', dot + 1)) {
      if (suffixes.has(suffix.slice(dot + 1))) return true;
    }
    return false;
  };
  return [...suffixes].filter((s) => !covered(s)).sort();
}

/** A null-prototype lookup table: property reads on it cannot reach anything a page defined. */
export type SuffixTable = Record<string, 1>;

export function suffixTable(suffixes: readonly string[]): SuffixTable {
  const table = Object.create(null) as SuffixTable;
  for (const s of suffixes) table[s] = 1;
  return table;
}

/**
 * Whether `host` (lower case) or one of its parent domains is a suffix in the table: a cheap,
 * over-inclusive test (the background decides with the full patterns).
 */
export function mayBeAiHost(table: SuffixTable, host: string): boolean {
  for (let at = 0; at >= 0 && at < host.length; ) {
    if (table[at === 0 ? host : host.slice(at)] === 1) return true;
    const dot = host.indexOf('.', at);
    at = dot < 0 ? -1 : dot + 1;
  }
  return false;
}
