/**
 * The blocked models the hook applies (core/model-block): the list the background compiled from
 * the settings, handed over by the isolated script on the private line (relay.ts) a few
 * milliseconds after the page starts. Until it has arrived nothing is stopped: holding requests
 * back would change what the page sees (errors thrown at once would come as rejections), so the
 * first moments of a page are a documented limit (docs/policy.md).
 */
import { EMPTY_MODEL_BLOCK_LIST, type ModelBlockList, modelBlockOf } from '../../core/model-block/model-block-match.ts';
import { parseJson } from './natives.ts';

let list: ModelBlockList | undefined;

/** A list from the line: parsed with the original JSON.parse; anything malformed is ignored. */
export function setModelBlockList(detail: unknown): void {
  if (typeof detail !== 'string' || detail.length > 1_000_000) return;
  try {
    const parsed = parseJson(detail) as ModelBlockList;
    if (typeof parsed !== 'object' || parsed === null || !Array.isArray(parsed.families)) return;
    list = parsed;
  } catch {
    // Malformed: the list in force stays.
  }
}

export const stoppedFamily = (host: string, model: string, known: boolean, site: string | undefined) => modelBlockOf(list ?? EMPTY_MODEL_BLOCK_LIST, host, model, known, site);
