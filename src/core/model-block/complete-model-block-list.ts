import { type BlockedFamily, EMPTY_MODEL_BLOCK_LIST, type ModelBlockList } from './model-block-match.ts';

/**
 * The list as the hook is to read it: every key it looks at is the list's own. The hook parses it
 * in the page's world, where a page can give every object a property through
 * `Object.prototype` (`Object.prototype.exemptSites = [location.hostname]`); a key the list
 * left out would then be read from there and could exempt the page from its own block.
 */
export function completeModelBlockList(value: unknown): ModelBlockList {
  const list = (typeof value === 'object' && value !== null ? value : EMPTY_MODEL_BLOCK_LIST) as Partial<ModelBlockList>;
  const families = Array.isArray(list.families) ? list.families : [];
  return {
    families: families.map((f: BlockedFamily) => ({ ...f, anywhere: f.anywhere === true })),
    names: list.names ?? {},
    prefixes: list.prefixes ?? {},
    namespaces: list.namespaces ?? {},
    forwarders: list.forwarders ?? [],
    globs: list.globs ?? [],
    exemptHosts: list.exemptHosts ?? [],
    exemptSites: list.exemptSites ?? [],
  };
}

