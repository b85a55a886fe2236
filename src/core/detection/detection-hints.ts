/**
 * The part of the risk database that content scripts use to decide what is worth reporting, so
 * that a page's ordinary traffic never leaves the page: host suffixes that may belong to an AI
 * product, and the page globals and DOM markers of AI widgets. The full database (and the
 * decision what a host is) stays in the background.
 *
 * What every frame carries in its code is only the fixed-size host filter (FrameHints, built
 * into the scripts through vite.config.ts); the markers, needed only after load, are read from
 * storage (DetectionMarkers, written by the background), so neither script grows with the catalog.
 */
import { fixedSuffixOf } from '../host-pattern.ts';
import type { Provider } from '../provider.ts';
import { compileHostFilter, type HostFilter } from './host-filter.ts';

/** Built into the per-frame scripts: a fixed-size filter of the database's host suffixes. */
export interface FrameHints {
  hostFilter: HostFilter;
}

/** The widget markers, in storage.local under DETECTION_MARKERS_KEY. */
export type DetectionMarkers = Pick<DetectionHints, 'globals' | 'selectors'>;

export function compileFrameHints(providers: readonly Provider[]): FrameHints {
  return { hostFilter: compileHostFilter(compileDetectionHints(providers).hostSuffixes) };
}

export function detectionMarkersOf(providers: readonly Provider[]): DetectionMarkers {
  const { globals, selectors } = compileDetectionHints(providers);
  return { globals, selectors };
}

/** Markers read back from storage: anything malformed is left out (the page cannot write there, a bug could). */
export function parseDetectionMarkers(value: unknown): DetectionMarkers {
  const pairs = (list: unknown) =>
    Array.isArray(list) ? list.filter((x): x is [string, string] => Array.isArray(x) && x.length === 2 && typeof x[0] === 'string' && typeof x[1] === 'string') : [];
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return { globals: pairs(v.globals), selectors: pairs(v.selectors) };
}

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
 * `openai.com` is listed, because `mayBeAiHost` and the host filter try every parent domain of
 * a host: fewer entries, fewer false positives of the filter and shorter webRequest filters.
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
