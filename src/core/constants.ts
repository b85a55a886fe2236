/**
 * Identifiers, limits and budgets in one place (like uBlock Origin Lite's constants): every
 * other module imports them from here, so a number is changed once and tests see the change.
 */

export const EXTENSION_NAME = 'AI Jurisdiction Guard';

/**
 * The project's public repository (package.json `repository`, checked by a unit test): the
 * manifest's homepage_url and the "Report a wrong fact" links point here, and nowhere else.
 */
export const PROJECT_REPOSITORY = 'https://github.com/ai-jurisdiction-guard/ai-jurisdiction-guard';

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

/** The blocked requests a tab counts up to (a page retrying in a loop stops changing the state there). */
export const MAX_BLOCKED_COUNT = 9999;

/** A tab keeps at most this many findings; the oldest-seen are dropped first. */
export const MAX_FINDINGS_PER_TAB = 200;

/** Longest URL accepted from a content script; longer ones are refused, not truncated. */
export const MAX_URL_LENGTH = 8192;

/** A content script sends what it saw at most this often (report-queue.ts). */
export const REPORT_INTERVAL_MS = 250;

/**
 * Distinct things (request URL, model, marker) one document may have waiting to be reported; past
 * this a flood of made-up endpoints is dropped in the page's own content script, before any
 * message is sent (report-queue.ts).
 */
export const MAX_OBSERVATION_KEYS_PER_DOCUMENT = 512;

/**
 * Event names of the MAIN-world hook ↔ isolated-world line (content/main-world/relay.ts,
 * content/bridge.ts). They travel only on a node inside a closed shadow root that is then
 * detached, which pages cannot reach, so these names being public reveals nothing and lets a
 * page forge nothing.
 */
export const BRIDGE_EVENT = 'ajg:report';

/** Most entries one block or allow list takes (a policy or a user); the rest is reported and left out. */
export const MAX_LIST_ENTRIES = 10_000;

/** Most `extraProviders` a policy may add, and host patterns each may name. */
export const MAX_EXTRA_PROVIDERS = 500;
export const MAX_HOSTS_PER_EXTRA_PROVIDER = 100;

/**
 * declarativeNetRequest budgets (block-rules.ts). Firefox allows 5,000 dynamic rules; Chrome
 * 30,000 since 121 (5,000 before), of which at most 5,000 "unsafe" (redirects); both cap regex
 * rules at 1,000. The compiled set must fit the smallest of them.
 * https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest#property-MAX_NUMBER_OF_DYNAMIC_RULES
 */
export const DYNAMIC_RULE_BUDGET = 5000;
/** Most characters the detection hints built into every frame's scripts may take (the host filter is ~11,000). */
export const DETECTION_HINTS_BUDGET = 12_000;
export const UNSAFE_RULE_BUDGET = 5000;
export const REGEX_RULE_BUDGET = 1000;

/** Hosts (or sites) one rule names; larger sets are split over several rules. */
export const DOMAINS_PER_RULE = 1000;

/**
 * Dynamic rule IDs: one fixed range of RULE_IDS_PER_GROUP per group, in this order, so that an
 * ID says where a rule comes from (rule 3005: the organization's country rules). IDs outside
 * every range are stale and removed when rules are next applied.
 */
export const RULE_GROUPS = ['org-site', 'org-provider', 'org-country', 'org-level', 'user-site', 'user-provider', 'user-country', 'user-level'] as const;
export const RULE_IDS_PER_GROUP = 1000;
export const LAST_DYNAMIC_RULE_ID = RULE_GROUPS.length * RULE_IDS_PER_GROUP;

/**
 * Most entries the audit log keeps, whatever the retention: past it the oldest go, and the options
 * page says how many (a page flooding one tab adds at most 60 a minute, but for weeks).
 */
export const AUDIT_MAX_ENTRIES = 50_000;

/** Session rules of "allow once for this site" (block page), apart from the dynamic ranges. */
export const ALLOW_ONCE_RULE_IDS = { first: 20_001, last: 20_999 } as const;

/** Session rules of sites opened with a reason (justify mode, block page), three per site. */
export const JUSTIFY_RULE_IDS = { first: 24_001, last: 24_999 } as const;

/** Session rules of "Pause on this site for 1 hour" (popup), two per paused site. */
export const PAUSE_RULE_IDS = { first: 21_001, last: 21_999 } as const;
/**
 * The session rule that fails a request the page hook stopped for the model it names
 * (core/model-block): the hook re-sends it without its body to the same URL with this query
 * parameter, which the rule blocks, so the page gets the browser's own network error.
 */
export const MODEL_BLOCK_RULE_ID = 22_001;
/**
 * Session rules that remove reporting headers naming blocked hosts (core/browser-traffic): the
 * browser's own uploads to them never meet the block rules. 999 rules of 500 hosts each.
 */
export const REPORTING_RULE_IDS = { first: 23_001, last: 23_999 } as const;
export const MODEL_BLOCK_PARAM = 'ajg-model-block';
/** storage.local key of the list of blocked models the page hook applies (ModelBlockList). */
export const MODEL_BLOCK_KEY = 'rules:model-block';
/** The isolated script hands the hook that list on its private line (main-world/relay.ts). */
export const BRIDGE_RULES = 'ajg:rules';
/**
 * storage.local key of the host patterns blocked everywhere (core/browser-traffic), and the event
 * that hands them to the hook: it refuses FedCM, payment methods and WebRTC servers naming them.
 */
export const BLOCKED_HOSTS_KEY = 'rules:blocked-hosts';
export const BRIDGE_HOSTS = 'ajg:hosts';

/** Bridge event: the page globals of AI widgets (DetectionMarkers.globals), for the hook's checks after load. */
export const BRIDGE_GLOBALS = 'ajg:globals';

/** Bridge event: the isolated script asks the hook for the counts of repeated reports (main-world/relay.ts). */
export const BRIDGE_PULL = 'ajg:pull';

/** How long after a report the isolated script pulls the hook's counts of repeats. */
export const BRIDGE_PULL_MS = 100;

/**
 * storage.local key of the widget markers (core/detection/detection-hints.ts DetectionMarkers),
 * written by the background with the rules; content scripts read it after load, so the markers
 * are not in the code every frame parses.
 */
export const DETECTION_MARKERS_KEY = 'detection:markers';

/**
 * storage.local key of the sites opened with a reason (hostname → end, ms since epoch): local,
 * not session, so that the time a person was given outlives a browser restart.
 */
export const JUSTIFIED_KEY = 'justify:sites';

/** storage.session key of the paused sites (hostname → end, ms since epoch). */
export const PAUSES_KEY = 'pause:sites';

/** storage.local keys: the user's own settings, the last managed policy read, the rules' status. */
export const USER_SETTINGS_KEY = 'settings';
export const POLICY_CACHE_KEY = 'policy:last-read';
export const RULES_STATUS_KEY = 'rules:status';

/** Extension page a blocked top-level navigation lands on (the URL follows after `#`). */
export const BLOCK_PAGE_PATH = 'blocked.html';

/** storage.local key of the sites where the user turned the in-page warning off (hostnames). */
export const WARNING_DISMISSED_KEY = 'warning:dismissed';
/** Most sites remembered there; the oldest dismissal is forgotten first. */
export const MAX_DISMISSED_SITES = 1000;

/**
 * Size of the per-frame scripts' host filter (core/detection/host-filter.ts), fixed whatever the
 * catalog's size: 65,536 bits are 10,923 characters in each script. With 4 hashes, the share of
 * false positives per probe is about 1 in 100,000 for today's ~900 host suffixes and about 3 %
 * for ten times as many (each false positive only costs a report the background drops).
 */
export const HOST_FILTER_BITS = 65_536;
export const HOST_FILTER_HASHES = 4;

/**
 * Fleet reporting (docs/reporting.md): events wait in an IndexedDB queue of at most
 * REPORT_QUEUE_MAX (the oldest are dropped first, and counted); batches of at most
 * REPORT_BATCH_MAX; a failed send is retried after REPORT_BACKOFF_BASE_MS × 2^n, with jitter, at
 * most REPORT_BACKOFF_MAX_MS later (a Retry-After longer than that is cut to it).
 */
export const REPORT_QUEUE_MAX = 10_000;
export const REPORT_BATCH_MAX = 1_000;
export const REPORT_BATCH_DEFAULT = 100;
export const REPORT_INTERVAL_DEFAULT_S = 30;
export const REPORT_INTERVAL_MAX_S = 3_600;
export const REPORT_HEARTBEAT_DEFAULT_MIN = 60;
export const REPORT_HEADER_MAX = 16;
export const REPORT_BACKOFF_BASE_MS = 2_000;
export const REPORT_BACKOFF_MAX_MS = 3_600_000;
/** A send that has not answered by then counts as failed. */
export const REPORT_SEND_TIMEOUT_MS = 30_000;
