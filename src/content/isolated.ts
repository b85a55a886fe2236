/**
 * Isolated-world content script, in every http(s) frame at document_start. It tells the
 * background that this frame's document started (the background decides, from the database,
 * whether that is an AI product), relays what the MAIN-world hook saw (bridge.ts) and what the
 * DOM shows (watch-dom.ts), summed and rate-limited (report-queue.ts). The page cannot reach
 * this world's variables, but it can dispatch events and controls the DOM, so only
 * browser-made (isTrusted) events count here.
 */
import { sendToBackground } from './send-to-background.ts';
import { openBridge } from './bridge.ts';
import { newDocumentId } from './document-id.ts';
import { ReportQueue } from './report-queue.ts';
import { watchDom } from './watch-dom.ts';
import { watchForWarning } from './page-warning.ts';
import { feedModelBlockList } from './model-block-feed.ts';
import { whenMarkersLoaded } from './detection-markers.ts';
import hints from './main-world/detection-hints.ts';
import { mayBeInFilter } from '../core/detection/host-filter.ts';
import { BRIDGE_GLOBALS } from '../core/constants.ts';

const doc = newDocumentId();
const queue = new ReportQueue(doc);
/**
 * Whether this document told the background anything. A frame whose host is no AI host and that
 * saw nothing costs the background nothing (no message when it starts or leaves): the top frame
 * always reports, since it starts and ends the tab's state. `location` here is the browser's.
 */
const isTop = window === window.top;
let spoke = isTop || mayBeInFilter(hints.hostFilter, location.hostname.toLowerCase());
const record = (obs: Parameters<ReportQueue['add']>[0]) => {
  spoke = true;
  queue.add(obs);
};
// First, while no page script has run: the hook is waiting for its line (main-world/relay.ts).
const toHook = openBridge(record);

function ignoreFailure(): void {
  // The extension was reloaded or updated under this page: this script is orphaned and the new
  // one runs on the next navigation. Nothing to tell the page.
}

function reportSeen(): void {
  if (!spoke) return;
  sendToBackground({ type: 'content-to-bg/page-seen', doc }).catch(ignoreFailure);
}

/**
 * Everything else waits for the next task: the first use of each extension API in a frame
 * (storage, runtime messaging) builds its bindings, which took 1–5 ms per frame before the page's
 * first script could run (timed inside this script in the bench pages, issue 17). The parser
 * goes on meanwhile; the hook holds a fetch naming a model until the blocked-model list is there
 * (main-world/model-block.ts), and the DOM watch starts at DOMContentLoaded anyway.
 */
function start(): void {
  // The hook stops requests naming a blocked model by this list (core/model-block).
  feedModelBlockList(toHook);
  // A prerendered page is not (yet) what the tab shows: report it when it is activated. The page
  // can dispatch a fake prerenderingchange, so only the browser's own event counts.
  // https://developer.chrome.com/docs/web-platform/prerender-pages#detect-prerender-in-javascript
  // The in-page warning (top frame only) waits the same way: a prerendered page is not seen yet.
  if ((document as Document & { prerendering?: boolean }).prerendering) {
    const onActivated = (event: Event) => {
      if (!event.isTrusted) return;
      document.removeEventListener('prerenderingchange', onActivated);
      reportSeen();
      watchForWarning(doc);
    };
    document.addEventListener('prerenderingchange', onActivated);
  } else {
    reportSeen();
    watchForWarning(doc);
  }

  const dom = watchDom(record);
  // Widget markers are checked from load on: the DOM's selectors here, the page's globals in the hook.
  whenMarkersLoaded((markers) => {
    dom.checkSelectors(markers.selectors);
    if (markers.globals.length) toHook(BRIDGE_GLOBALS, JSON.stringify(markers.globals));
  });
}
setTimeout(start, 0);

// Back/forward cache: no script runs again when a page is restored, so report it once more.
addEventListener('pageshow', (event) => {
  if (event.isTrusted && event.persisted) reportSeen();
});

// A document going away (to any page, even one this script cannot run on) ends what it alone
// established; the background decides what that is (applyPageLeft).
addEventListener('pagehide', (event) => {
  if (event.isTrusted && spoke) sendToBackground({ type: 'content-to-bg/page-left', doc }).catch(ignoreFailure);
});
