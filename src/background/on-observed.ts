/**
 * What a content script saw (the page hook's requests, the DOM watcher's frames, scripts and
 * widget markers) becomes findings of the tab. Only the frame's browser-given identity (tab,
 * frame, URL, lifecycle) is taken from the sender; the observations themselves are untrusted
 * lookup keys, already parsed and bounded (observation.ts), and decided here with the database.
 */
import type { Runtime } from 'webextension-polyfill';
import { httpHostOf } from '../core/hostname.ts';
import type { ContentToBgObserved } from '../core/messages.ts';
import { sightingOf } from '../core/sighting.ts';
import { applySightings, type Sighting } from '../core/tab-state.ts';
import { isActiveDocument } from './sender.ts';
import { updateTabState } from './tab-store.ts';

export async function onObserved(message: ContentToBgObserved, sender: Runtime.MessageSender): Promise<{ ok: boolean }> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0 || !isActiveDocument(sender)) return { ok: false };
  const ctx = { frameId: sender.frameId ?? 0, doc: message.doc, frameHost: sender.url ? httpHostOf(sender.url) : undefined };
  const now = Date.now();
  await updateTabState(tabId, (prev, db) => {
    const sightings = message.observations.map((o) => sightingOf(db, o, ctx)).filter((s): s is Sighting => s !== undefined);
    return sightings.length ? applySightings(prev, sightings, now, tabId) : prev;
  });
  return { ok: true };
}
