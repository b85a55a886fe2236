/**
 * The blocked-model list as the isolated script hands it to the page hook (model-block-feed.ts):
 * the hook parses it in the page's world, so a key the list leaves out would be read from
 * whatever the page put on Object.prototype.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { completeModelBlockList } from '../../src/core/model-block/complete-model-block-list.ts';
import { database } from '../../src/core/database.ts';
import { modelBlockListOf } from '../../src/core/model-block/model-block-list.ts';
import { type ModelBlockList, modelBlockOf } from '../../src/core/model-block/model-block-match.ts';
import { EMPTY_TIER } from '../../src/core/settings.ts';

const blocked = modelBlockListOf({ mode: 'block', org: EMPTY_TIER, user: { ...EMPTY_TIER, blockedProviders: ['deepseek'] } }, database);
/** What the hook gets: the handed text, parsed as its own JSON.parse does. */
const handed = (value: unknown) => JSON.parse(JSON.stringify(completeModelBlockList(value))) as ModelBlockList;
const polluted = Object.prototype as unknown as Record<string, unknown>;

describe('the blocked-model list handed to the page hook', () => {
  afterEach(() => {
    for (const key of ['exemptSites', 'exemptHosts', 'globs', 'anywhere']) delete polluted[key];
  });

  it('blocks the same as the list it was made from', () => {
    expect(modelBlockOf(handed(blocked), 'openrouter.ai', 'deepseek/deepseek-chat', true, 'app.example.com')?.builder).toBe('deepseek');
    expect(modelBlockOf(handed(blocked), 'openrouter.ai', 'openai/gpt-4o', true, 'app.example.com')).toBeUndefined();
  });

  it('holds every key the hook reads as its own, so a page cannot exempt itself through Object.prototype', () => {
    const list = handed(blocked);
    for (const key of ['families', 'names', 'prefixes', 'namespaces', 'forwarders', 'globs', 'exemptHosts', 'exemptSites']) expect(Object.hasOwn(list, key), key).toBe(true);
    expect(list.families.every((f) => Object.hasOwn(f, 'anywhere'))).toBe(true);
    polluted.exemptSites = ['app.example.com'];
    polluted.exemptHosts = ['*.ai'];
    expect(modelBlockOf(list, 'openrouter.ai', 'deepseek/deepseek-chat', true, 'app.example.com')?.builder).toBe('deepseek');
    // Positive control: the list as the background stores it leaves those keys out, and the page's keys take their place.
    expect(modelBlockOf(JSON.parse(JSON.stringify(blocked)) as ModelBlockList, 'openrouter.ai', 'deepseek/deepseek-chat', true, 'app.example.com')).toBeUndefined();
  });

  it('hands an empty list for nothing stored or something malformed', () => {
    for (const value of [undefined, null, 'x', 42]) expect(handed(value)).toEqual({ families: [], names: {}, prefixes: {}, namespaces: {}, forwarders: [], globs: [], exemptHosts: [], exemptSites: [] });
  });
});
