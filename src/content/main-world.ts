/**
 * MAIN-world content script: runs in the page's own JavaScript world at document_start, before
 * any page script, as one self-contained synchronous file (crxjs `standaloneFiles`; an
 * asynchronous loader would let the first page requests pass unseen). It wraps fetch,
 * XMLHttpRequest, WebSocket, EventSource and sendBeacon to report requests to AI services
 * (main-world/observe.ts) to the isolated-world script (main-world/relay.ts), and FedCM,
 * PaymentRequest and RTCPeerConnection to keep the browser's own requests off blocked hosts
 * (main-world/hook-browser-traffic.ts).
 *
 * Rules: no extension API exists in this world; leave no global; never throw into the page;
 * behave exactly like the originals (tests/e2e/hook-transparency.e2e.test.ts); treat everything
 * read from the page as attacker-controlled.
 */
import { hookBeacon } from './main-world/hook-beacon.ts';
import { hookBrowserTraffic } from './main-world/hook-browser-traffic.ts';
import { hookConstructors } from './main-world/hook-constructors.ts';
import { hookFetch } from './main-world/hook-fetch.ts';
import { hookXhr } from './main-world/hook-xhr.ts';
import { openRelay } from './main-world/relay.ts';

try {
  openRelay();
  hookFetch();
  hookXhr();
  hookConstructors();
  hookBeacon();
  hookBrowserTraffic();
} catch {
  // A hook that cannot be installed is skipped; the page must run as if we were not here.
}
