/**
 * The widget markers (page globals and DOM selectors of AI chat widgets), read from storage once
 * the page has loaded: they are only checked from then on, and keeping them out of the code every
 * frame parses keeps that code the same size whatever the catalog's (issue 17). Without the
 * polyfill, as send-to-background.ts says why.
 */
import { DETECTION_MARKERS_KEY } from '../core/constants.ts';
import { type DetectionMarkers, parseDetectionMarkers } from '../core/detection/detection-hints.ts';

interface StorageArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
}
declare const browser: { storage: { local: StorageArea } } | undefined;
declare const chrome: { storage: { local: StorageArea } } | undefined;

/** Calls `use` with the markers after the window's load event (at once when it has passed). */
export function whenMarkersLoaded(use: (markers: DetectionMarkers) => void): void {
  const read = () => {
    let local: StorageArea;
    try {
      local = (typeof browser !== 'undefined' ? browser : chrome!).storage.local;
    } catch {
      return; // the extension was reloaded under this page
    }
    local.get([DETECTION_MARKERS_KEY]).then(
      (got) => use(parseDetectionMarkers(got[DETECTION_MARKERS_KEY])),
      () => undefined,
    );
  };
  if (document.readyState === 'complete') read();
  else {
    // The page can dispatch a load event of its own: that only makes the read earlier.
    addEventListener('load', read, { once: true });
  }
}
