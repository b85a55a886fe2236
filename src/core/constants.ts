/**
 * Identifiers, limits and budgets in one place (like uBlock Origin Lite's constants): every
 * other module imports them from here, so a number is changed once and tests see the change.
 */

export const EXTENSION_NAME = 'AI Jurisdiction Guard';

/**
 * ID of the unpacked Chrome/Edge build. It is derived from the public key in manifest.json
 * (`key`), so tests and admin policies can name the extension before it is installed; a store
 * build gets the store's own ID. tests/unit/manifest.test.ts re-derives it from the key.
 */
export const CHROME_EXTENSION_ID = 'hofljlealgfffmimlaplffoimjjmhckp';

/** Firefox add-on ID (browser_specific_settings.gecko.id); admins name it in policies.json. */
export const GECKO_ID = '{ba18841d-91ac-4dc7-a6db-c9696f4f3dd4}';

/** Firefox 128 is the first release that runs `world: "MAIN"` content scripts. */
export const FIREFOX_MIN_VERSION = '128.0';

/** Chrome 111 added `world: "MAIN"` to manifest content scripts; 116 is the oldest we test against. */
export const CHROME_MIN_VERSION = '116';

/** storage.session key of one tab's state: `tab:<tabId>`. */
export const TAB_STATE_KEY_PREFIX = 'tab:';

/** A tab keeps at most this many findings; the oldest-seen are dropped first. */
export const MAX_FINDINGS_PER_TAB = 200;

/** Longest URL accepted from a content script; longer ones are refused, not truncated. */
export const MAX_URL_LENGTH = 8192;

/** A content script sends what it saw at most this often (report-queue.ts). */
export const REPORT_INTERVAL_MS = 250;

/**
 * Distinct things (request URL, model, marker) one document may report; past this a flood of
 * made-up endpoints is dropped in the page's own content script, before any message is sent.
 */
export const MAX_OBSERVATION_KEYS_PER_DOCUMENT = 512;

/**
 * Event names of the MAIN-world hook ↔ isolated-world line (content/main-world/relay.ts,
 * content/bridge.ts). HELLO is dispatched once, before any page script runs; reports then
 * travel on a detached node that pages cannot reach, so these names being public reveals
 * nothing and lets a page forge nothing.
 */
export const BRIDGE_HELLO = 'ajg:hello';
export const BRIDGE_EVENT = 'ajg:report';
