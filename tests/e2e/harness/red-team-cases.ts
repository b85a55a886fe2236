/**
 * The red-team cases: every way the suite tries for an ordinary page to send data to a blocked
 * host, as a table. Each case is run twice per block: at an unblocked host (the control, which
 * must arrive, or the case proves nothing) and at the blocked one (where nothing may arrive).
 * Whether something arrived is read from the fixture server (requests carrying the case's token
 * in their path), or, for traffic that is no request, from a connection or datagram counter.
 */
import type { Page } from 'playwright-core';
import { UNUSUAL_PORTS, WEBTRANSPORT_PORT } from './red-team-network.ts';

export type Role = 'control' | 'blocked';

/** Hosts a case aims at, per role. */
export const TARGETS: Record<Role, { api: string; chat: string; connect: string; pattern: string }> = {
  // An AI service no run blocks (Mistral, France), on the same ports and paths.
  control: { api: 'api.mistral.ai', chat: 'api.mistral.ai', connect: 'chat.mistral.ai', pattern: 'api.mistral.ai' },
  // `pattern`: a host the database lists only through a `*` pattern (Amazon Bedrock's
  // `bedrock-runtime.*.amazonaws.com`), which the rules match with a regex, not by domain.
  blocked: { api: 'api.deepseek.com', chat: 'chat.deepseek.com', connect: 'platform.deepseek.com', pattern: 'bedrock-runtime.us-east-1.amazonaws.com' },
};

/** The site the attacking page is on: no AI service, blocked by nothing. */
export const ATTACKER = 'news.example.com';
export const ATTACK_PAGE = `https://${ATTACKER}/red-team.html`;

/** Whether a Host header names the role's service (any spelling the URL parser leaves). */
export function hostOf(role: Role, host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return role === 'control' ? /(^|\.)mistral\.ai$/.test(h) : /(^|\.)(deepseek\.com|amazonaws\.com)$/.test(h);
}

export interface CaseContext {
  /** The attacking page, shared by the cases that leave it where it is. */
  attack: Page;
  /** The same page over plain http, for what an https page may not send (ws:, http:). */
  plainAttack(): Promise<Page>;
  /** A new tab on the attacking page, for cases that navigate or close it; closed by the runner. */
  fresh(): Promise<Page>;
  blockPagePrefix: string;
}

/** How arrival is observed: requests with the token, TCP connections, UDP datagrams, or nothing can be. */
export type Observe = 'requests' | 'tcp' | 'udp' | 'none';

export interface RedTeamCase {
  id: string;
  technique: string;
  /** The URL the technique is aimed at, for a role and the case's token. */
  url(role: Role, token: string): string;
  run(ctx: CaseContext, url: string): Promise<string>;
  observe?: Observe;
  /** Why a request reaching the blocked host is a documented limit (docs/policy.md), not a leak. */
  limit?: string;
  /**
   * Why the browser sends nothing for this technique even to an unblocked host, so that the case
   * has no control: the test then checks that the control indeed stays silent.
   */
  browserRefuses?: string;
  /**
   * Run alone with the attacking tab in front: Chrome starts speculation rules and background
   * fetches only for a visible tab.
   */
  foreground?: boolean;
}

interface Aim {
  scheme?: 'https' | 'http' | 'wss' | 'ws';
  host?: 'api' | 'chat' | 'connect' | 'pattern';
  /** Rewrites the host as a page may spell it. */
  spell?: (host: string) => string;
  port?: number;
  as?: string;
}

function aim({ scheme = 'https', host = 'api', spell = (h) => h, port, as }: Aim = {}) {
  return (role: Role, token: string) => `${scheme}://${spell(TARGETS[role][host])}${port ? `:${port}` : ''}/rt/${token}${as ? `?as=${as}` : ''}`;
}

/** Through the attacking site's redirect: the first hop is unblocked, the second is the target. */
function viaRedirect(inner: ReturnType<typeof aim>, code: 302 | 307 = 302) {
  return (role: Role, token: string) => `https://${ATTACKER}/rt-redirect?code=${code}&to=${encodeURIComponent(inner(role, token))}`;
}

type RtCall = readonly [fn: string, url: string, args: string[]];
const callRt = (page: Page, call: RtCall) =>
  page.evaluate(([f, u, a]) => (window as unknown as { rt: Record<string, (...x: string[]) => unknown> }).rt[f]!(u, ...a), call).then(String, (e: unknown) => `threw ${String(e).slice(0, 80)}`);

/** Runs `rt[fn](url, ...args)` in the shared attacking page. */
function inPage(fn: string, ...args: string[]) {
  return (ctx: CaseContext, url: string) => callRt(ctx.attack, [fn, url, args]);
}

/** The same, from the attacking page loaded over http (mixed content rules keep ws: and http: off https pages). */
function inPlainPage(fn: string, ...args: string[]) {
  return async (ctx: CaseContext, url: string) => callRt(await ctx.plainAttack(), [fn, url, args]);
}

/** What a tab shows once a navigation has had its chance. */
async function where(page: Page, ctx: CaseContext): Promise<string> {
  await page.waitForURL((u) => u.href.startsWith(ctx.blockPagePrefix) || u.pathname.startsWith('/rt/'), { timeout: 4000 }).catch(() => undefined);
  const url = page.url();
  return url.startsWith(ctx.blockPagePrefix) ? 'block page' : url.startsWith('chrome-error:') ? 'error page' : `at ${new URL(url).host}`;
}

/** A top-level navigation started by the page in a tab of its own. */
function topLevel(start: (url: string) => void) {
  return async (ctx: CaseContext, url: string) => {
    const page = await ctx.fresh();
    await page.evaluate(start, url);
    return where(page, ctx);
  };
}

const upper = (h: string) => h.toUpperCase();
const FULLWIDTH = (h: string) => [...h].map((c) => (/[a-z]/.test(c) ? String.fromCodePoint(c.codePointAt(0)! - 0x61 + 0xff41) : c)).join('');
/** `api.deepseek.com` → `api.%64eepseek.com`: the URL parser decodes the escape. */
const percent = (h: string) => h.replace(/\.(.)/, (_m, c: string) => `.%${c.charCodeAt(0).toString(16)}`);

const PRECONNECT_LIMIT =
  'a preconnect opens a TCP/TLS connection (the host name in DNS and TLS SNI) and sends no request, so no network rule sees it; no page data goes over it. In Chromium 156 the network prediction preference set to "never" (policy NetworkPredictionOptions=2) stopped it: no connection';
const DNS_LIMIT =
  'a DNS lookup only, never seen by network rules and not observable here (the test browser resolves through --host-resolver-rules, and its net log shows only the rewritten name); a page can put data in the labels of a name under the blocked domain, which reaches that domain\'s name servers. Network prediction "never" (NetworkPredictionOptions=2) is meant to stop it (not measured)';

export const CASES: RedTeamCase[] = [
  { id: 'fetch', technique: 'fetch (POST)', url: aim(), run: inPage('fetch') },
  { id: 'xhr', technique: 'XMLHttpRequest (POST)', url: aim(), run: inPage('xhr') },
  { id: 'wss', technique: 'WebSocket (wss:)', url: aim({ scheme: 'wss' }), run: inPage('websocket') },
  { id: 'ws', technique: 'WebSocket (ws:)', url: aim({ scheme: 'ws' }), run: inPlainPage('websocket') },
  { id: 'sse', technique: 'EventSource', url: aim({ as: 'sse' }), run: inPage('eventsource') },
  { id: 'beacon', technique: 'navigator.sendBeacon', url: aim(), run: inPage('beacon') },
  { id: 'fetchlater', technique: 'fetchLater (deferred, sent by the browser)', url: aim(), run: inPage('fetchLater') },
  { id: 'ping', technique: '<a ping> (link clicked)', url: aim(), run: inPage('ping') },
  // Chrome ignores `download` on a cross-origin link and follows it: a top-level navigation.
  { id: 'download', technique: '<a download> (clicked, cross-origin)', url: aim({ host: 'chat', as: 'html' }), run: topLevel((u) => void (window as any).rt.download(u)) },
  { id: 'img', technique: '<img>', url: aim({ as: 'img' }), run: inPage('image') },
  { id: 'svgimg', technique: 'SVG <image>', url: aim({ as: 'img' }), run: inPage('svgImage') },
  { id: 'script', technique: '<script src>', url: aim({ as: 'js' }), run: inPage('script') },
  { id: 'import', technique: 'import() of a module', url: aim({ as: 'js' }), run: inPage('moduleImport') },
  { id: 'css', technique: '<link rel=stylesheet>', url: aim({ as: 'css' }), run: inPage('stylesheet') },
  { id: 'cssurl', technique: 'CSS url() (background)', url: aim({ as: 'img' }), run: inPage('cssUrl') },
  { id: 'cssimport', technique: 'CSS @import', url: aim({ as: 'css' }), run: inPage('cssImport') },
  { id: 'font', technique: 'CSS @font-face', url: aim(), run: inPage('fontFace') },
  { id: 'media', technique: '<video src>', url: aim(), run: inPage('media') },
  { id: 'object', technique: '<object data>', url: aim({ as: 'html' }), run: inPage('object') },
  { id: 'embed', technique: '<embed src>', url: aim({ as: 'html' }), run: inPage('embed') },
  { id: 'favicon', technique: '<link rel=icon>', url: aim({ as: 'img' }), run: inPage('link', 'icon') },
  { id: 'linkheader', technique: 'Link: rel=preload response header (page in a frame)', url: aim(), run: inPage('linkHeaderFrame') },
  {
    id: 'linkprerender',
    technique: '<link rel=prerender> (legacy)',
    url: aim({ as: 'html' }),
    run: inPage('link', 'prerender'),
    foreground: true,
    browserRefuses: 'Chromium 156 sends nothing for a <link rel=prerender> to another site (speculation rules replaced it)',
  },
  // Privacy Sandbox APIs whose requests the browser makes: nothing is sent in the test browser,
  // so these are untested rather than blocked.
  {
    id: 'attribution',
    technique: 'attributionsrc (Attribution Reporting)',
    url: aim(),
    run: inPage('attributionSrc'),
    browserRefuses: 'untested: the test browser sends no attributionsrc request, even to an unblocked host (Privacy Sandbox APIs need enrolled, attested origins; the test profile has no attestation list)',
  },
  {
    id: 'interestgroup',
    technique: 'Protected Audience: joinAdInterestGroup / runAdAuction',
    url: aim({ as: 'js' }),
    run: inPage('interestGroup'),
    browserRefuses: 'untested: the test browser fetches no bidding or update script, even from an unblocked host (Privacy Sandbox APIs need enrolled, attested origins)',
  },
  { id: 'prefetch', technique: '<link rel=prefetch>', url: aim(), run: inPage('link', 'prefetch') },
  { id: 'preload', technique: '<link rel=preload as=fetch>', url: aim(), run: inPage('link', 'preload', 'fetch') },
  { id: 'modulepreload', technique: '<link rel=modulepreload>', url: aim({ as: 'js' }), run: inPage('link', 'modulepreload') },
  { id: 'preconnect', technique: '<link rel=preconnect> (TCP connections counted)', url: aim({ host: 'connect' }), run: inPage('link', 'preconnect'), observe: 'tcp', limit: PRECONNECT_LIMIT },
  { id: 'dnsprefetch', technique: '<link rel=dns-prefetch>', url: aim({ host: 'connect' }), run: inPage('link', 'dns-prefetch'), observe: 'none', limit: DNS_LIMIT },
  { id: 'specprefetch', technique: 'speculation rules: prefetch', url: aim({ as: 'html' }), run: inPage('speculation', 'prefetch'), foreground: true },
  {
    id: 'specprerender',
    technique: 'speculation rules: prerender (cross-site)',
    url: aim({ host: 'chat', as: 'html' }),
    run: inPage('speculation', 'prerender'),
    // Chrome does not prerender another site (CrossSiteNavigationInInitialNavigation in CDP's
    // Preload domain) but still prefetches the page for it (Sec-Purpose: prefetch;prerender).
    foreground: true,
  },
  {
    id: 'prerenderfetch',
    technique: 'speculation rules: prerender of a same-site page that fetches',
    url: (role, token) => `https://${ATTACKER}/red-team-fetch.html?u=${encodeURIComponent(aim()(role, token))}`,
    run: inPage('speculation', 'prerender'),
    foreground: true,
    browserRefuses:
      'not testable here: a tab driven over DevTools (Playwright) is never prerendered (PrerenderingDisabledByDevTools); the page is still prefetched (Sec-Purpose: prefetch;prerender, an unblocked same-site request). A prerendered page is an ordinary page, whose requests meet the same rules as every case here',
  },
  { id: 'iframe', technique: '<iframe src>', url: aim({ host: 'chat', as: 'html' }), run: inPage('iframe') },
  { id: 'srcdoc', technique: 'srcdoc frame that fetches', url: aim(), run: inPage('srcdoc') },
  { id: 'aboutblank', technique: 'about:blank frame that fetches', url: aim(), run: inPage('aboutBlank') },
  { id: 'dataframe', technique: 'data: frame that fetches', url: aim(), run: inPage('dataFrame') },
  { id: 'blobframe', technique: 'blob: frame that fetches', url: aim(), run: inPage('blobFrame') },
  { id: 'sandbox', technique: 'sandboxed frame (allow-scripts) that fetches', url: aim(), run: inPage('sandboxFrame') },
  {
    id: 'xsiteframe',
    technique: 'frame of another site that fetches',
    url: (role, token) => `https://shop.example.com/red-team-fetch.html?u=${encodeURIComponent(aim()(role, token))}`,
    run: inPage('iframe'),
  },
  { id: 'formframe', technique: 'form POST into a frame', url: aim({ host: 'chat', as: 'html' }), run: inPage('formFrame') },
  {
    id: 'formtop',
    technique: 'form POST, top level',
    url: aim({ host: 'chat', as: 'html' }),
    run: topLevel((u) => {
      const form = Object.assign(document.createElement('form'), { action: u, method: 'post' });
      form.append(Object.assign(document.createElement('input'), { name: 'note', value: 'red-team secret' }));
      document.body.append(form);
      form.submit();
    }),
  },
  { id: 'location', technique: 'location change, top level', url: aim({ host: 'chat', as: 'html' }), run: topLevel((u) => void (location.href = u)) },
  {
    id: 'metarefresh',
    technique: '<meta http-equiv=refresh>',
    url: aim({ host: 'chat', as: 'html' }),
    run: topLevel((u) => document.head.append(Object.assign(document.createElement('meta'), { httpEquiv: 'refresh', content: `0;url=${u}` }))),
  },
  {
    id: 'open',
    technique: 'window.open',
    url: aim({ host: 'chat', as: 'html' }),
    run: async (ctx, url) => {
      const page = await ctx.fresh();
      const [popup] = await Promise.all([page.waitForEvent('popup', { timeout: 4000 }), page.evaluate((u) => (window as any).rt.windowOpen(u), url)]);
      const seen = await where(popup, ctx);
      await popup.close();
      return seen;
    },
  },
  {
    id: 'formblank',
    technique: 'form POST into a new tab (target=_blank)',
    url: aim({ host: 'chat', as: 'html' }),
    run: async (ctx, url) => {
      const page = await ctx.fresh();
      const [popup] = await Promise.all([
        page.waitForEvent('popup', { timeout: 4000 }),
        page.evaluate((u) => {
          const form = Object.assign(document.createElement('form'), { action: u, method: 'post', target: '_blank' });
          form.append(Object.assign(document.createElement('input'), { name: 'note', value: 'red-team secret' }));
          document.body.append(form);
          form.submit();
        }, url),
      ]);
      return where(popup, ctx);
    },
  },
  { id: 'worker', technique: 'dedicated worker fetch', url: aim(), run: inPage('worker') },
  { id: 'importscripts', technique: 'worker importScripts()', url: aim({ as: 'js' }), run: inPage('workerImportScripts') },
  { id: 'sharedworker', technique: 'shared worker fetch', url: aim(), run: inPage('sharedWorker') },
  { id: 'serviceworker', technique: "the page's service worker fetch", url: aim(), run: inPage('serviceWorker') },
  { id: 'bgfetch', technique: 'Background Fetch (from the service worker registration)', url: aim(), run: inPage('backgroundFetch'), foreground: true },
  { id: 'worklet', technique: 'audio worklet addModule()', url: aim({ as: 'js' }), run: inPage('audioWorklet') },
  {
    id: 'keepalive',
    technique: 'fetch keepalive at pagehide',
    url: aim(),
    run: async (ctx, url) => {
      const page = await ctx.fresh();
      await page.evaluate((u) => addEventListener('pagehide', () => void fetch(u, { method: 'POST', body: 'note=red-team secret', keepalive: true, mode: 'no-cors' })), url);
      await page.goto(`https://${ATTACKER}/red-team-blank.html`);
      return 'left the page';
    },
  },
  {
    id: 'beaconhide',
    technique: 'sendBeacon at pagehide (tab closed)',
    url: aim(),
    run: async (ctx, url) => {
      const page = await ctx.fresh();
      await page.evaluate((u) => addEventListener('pagehide', () => void navigator.sendBeacon(u, 'note=red-team secret')), url);
      await page.close({ runBeforeUnload: true });
      return 'closed the tab';
    },
  },
  { id: 'cspreport', technique: 'CSP report-uri', url: aim(), run: inPage('cspReport') },
  { id: 'redirfetch', technique: 'redirect from an unblocked host (fetch, 302)', url: viaRedirect(aim()), run: inPage('fetch') },
  { id: 'redir307', technique: 'redirect from an unblocked host (POST body kept, 307)', url: viaRedirect(aim(), 307), run: inPage('fetch') },
  { id: 'redirimg', technique: 'redirect from an unblocked host (<img>)', url: viaRedirect(aim({ as: 'img' })), run: inPage('image') },
  {
    id: 'redirnav',
    technique: 'redirect from an unblocked host (top level)',
    url: viaRedirect(aim({ host: 'chat', as: 'html' })),
    run: topLevel((u) => void (location.href = u)),
  },
  { id: 'upper', technique: 'upper-case host (fetch)', url: aim({ spell: upper }), run: inPage('fetch') },
  { id: 'uppernav', technique: 'upper-case host (top level)', url: aim({ host: 'chat', spell: upper, as: 'html' }), run: topLevel((u) => void (location.href = u)) },
  { id: 'dot', technique: 'trailing dot (fetch)', url: aim({ spell: (h) => `${h}.` }), run: inPage('fetch') },
  { id: 'dotimg', technique: 'trailing dot (<img>)', url: aim({ spell: (h) => `${h}.`, as: 'img' }), run: inPage('image') },
  { id: 'dotnav', technique: 'trailing dot (top level)', url: aim({ host: 'chat', spell: (h) => `${h}.`, as: 'html' }), run: topLevel((u) => void (location.href = u)) },
  { id: 'port443', technique: 'explicit port :443 (fetch)', url: aim({ port: 443 }), run: inPage('fetch') },
  { id: 'porthttps', technique: `unusual port https :${UNUSUAL_PORTS.https} (fetch)`, url: aim({ port: UNUSUAL_PORTS.https }), run: inPage('fetch') },
  { id: 'porthttp', technique: `unusual port http :${UNUSUAL_PORTS.http} (fetch)`, url: aim({ scheme: 'http', port: UNUSUAL_PORTS.http }), run: inPlainPage('fetch') },
  { id: 'portnav', technique: `unusual port (top level)`, url: aim({ host: 'chat', port: UNUSUAL_PORTS.https, as: 'html' }), run: topLevel((u) => void (location.href = u)) },
  // fetch() refuses URLs with credentials, so user-info is tried where the browser takes it.
  {
    id: 'userinfo',
    technique: 'user-info in the URL (<img>)',
    url: aim({ spell: (h) => `u:p@${h}`, as: 'img' }),
    run: inPage('image'),
    browserRefuses: 'Chrome blocks sub-resource requests whose URL has credentials in it (https://chromestatus.com/feature/5669008342777856)',
  },
  { id: 'userinfonav', technique: 'user-info in the URL (top level)', url: aim({ host: 'chat', spell: (h) => `u:p@${h}`, as: 'html' }), run: topLevel((u) => void (location.href = u)) },
  { id: 'fullwidth', technique: 'IDN: full-width Unicode spelling (fetch)', url: aim({ spell: FULLWIDTH }), run: inPage('fetch') },
  { id: 'fullwidthnav', technique: 'IDN: full-width Unicode spelling (top level)', url: aim({ host: 'chat', spell: FULLWIDTH, as: 'html' }), run: topLevel((u) => void (location.href = u)) },
  { id: 'percent', technique: 'percent-escaped host (fetch)', url: aim({ spell: percent }), run: inPage('fetch') },
  { id: 'pattern', technique: 'host under a `*` pattern (fetch)', url: aim({ host: 'pattern' }), run: inPage('fetch') },
  { id: 'patterndot', technique: 'host under a `*` pattern, trailing dot (fetch)', url: aim({ host: 'pattern', spell: (h) => `${h}.` }), run: inPage('fetch') },
  { id: 'patterndotnav', technique: 'host under a `*` pattern, trailing dot (top level)', url: aim({ host: 'pattern', spell: (h) => `${h}.`, as: 'html' }), run: topLevel((u) => void (location.href = u)) },
  { id: 'patternuser', technique: 'host under a `*` pattern, user-info and port (top level)', url: aim({ host: 'pattern', spell: (h) => `u:p@${h}`, port: UNUSUAL_PORTS.https, as: 'html' }), run: topLevel((u) => void (location.href = u)) },
  { id: 'subdomain', technique: 'a subdomain of the blocked host (fetch)', url: aim({ spell: (h) => `rt.${h}` }), run: inPage('fetch') },
  {
    id: 'webtransport',
    technique: `WebTransport (QUIC datagrams to :${WEBTRANSPORT_PORT} counted)`,
    url: aim({ port: WEBTRANSPORT_PORT }),
    run: inPage('webTransport'),
    observe: 'udp',
  },
];
