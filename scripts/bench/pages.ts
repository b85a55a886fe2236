/**
 * The pages the detection benchmark loads, all from the local bench server (server.ts). The
 * in-page code is plain JavaScript inside the HTML (not functions passed to page.evaluate, which
 * tsx would transform). The fetch page is driven through `window.__benchFetch`; the load pages
 * send their own timings to the server (`/__report`) once done.
 */
import type { Resolver, Resource } from './server.ts';

export const PAGE_HOST = 'bench.example.com';
/** A host the database does not know, for the page that makes 50 fetches. */
export const DATA_HOST = 'data.example.net';
export const AI_URL = 'https://api.openai.com/v1/chat/completions';
export const NON_AI_URL = 'https://news.example.com/data.json';
/** Every hostname mapped to the bench server. */
export const BENCH_HOSTS = [PAGE_HOST, DATA_HOST, 'api.openai.com', 'news.example.com'];

export const FETCH_PAGE = `https://${PAGE_HOST}/fetch.html`;
export const DYNAMIC_NODES = 2_000;
export const PAGE_FETCHES = 50;

/** A chat-completion request body of exactly `size` characters. */
export function jsonBody(size: number): string {
  const head = '{"model":"gpt-4o-mini","temperature":0.2,"stream":false,"messages":[{"role":"system","content":"You are a helpful assistant."},{"role":"user","content":"';
  const tail = '"}]}';
  const words = 'Summarise the quarterly report in three bullet points and list the open risks. ';
  const text = words.repeat(Math.ceil(size / words.length)).slice(0, size - head.length - tail.length);
  const body = head + text + tail;
  JSON.parse(body);
  return body;
}

export const JSON_BODY = jsonBody(2048);

/** The first page script records when it ran: what the document_start content scripts delay. */
const html = (title: string, head: string, body: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><script>window.__benchFirst = performance.now();</script><title>${title}</title>${head}</head>\n<body>${body}</body></html>\n`;

/**
 * Fetch call path: `__benchFetch({n, chunks, plan})` times, for each [function, url] of the
 * plan, n calls of fetch(url, {method: 'POST', body, signal}) with an already-aborted signal (the
 * promise is made, no request leaves), and answers µs per call. The calls run in `chunks` slices
 * per plan entry, the entries taking turns slice by slice (in a rotating order), so a GC pause
 * or a busy moment of the machine falls on all of them alike. `window` is the page's fetch
 * (hooked when the extension runs), `iframe` the fetch of a same-origin about:blank frame,
 * where no content script runs.
 */
const fetchPage = html(
  'fetch call path',
  '',
  `<p>fetch call path</p>
<script>
(() => {
  const URLS = { ai: ${JSON.stringify(AI_URL)}, plain: ${JSON.stringify(NON_AI_URL)} };
  const BODY = ${JSON.stringify(JSON_BODY)};
  const frame = document.createElement('iframe');
  document.body.append(frame);
  const noop = () => {};
  const settle = () => new Promise((ok) => setTimeout(ok, 0));
  window.__benchFetch = async ({ n, chunks, plan }) => {
    const controller = new AbortController();
    controller.abort();
    const signal = controller.signal;
    const per = Math.ceil(n / chunks);
    const total = plan.map(() => 0);
    for (let c = 0; c < chunks; c++) {
      for (let j = 0; j < plan.length; j++) {
        const k = (j + c) % plan.length;
        const [which, kind] = plan[k];
        const f = which === 'window' ? window.fetch : frame.contentWindow.fetch;
        const url = URLS[kind];
        const t0 = performance.now();
        for (let i = 0; i < per; i++) f(url, { method: 'POST', body: BODY, signal }).catch(noop);
        const t1 = performance.now();
        total[k] += t1 - t0;
        // The rejections settle here, outside the timing.
        await settle();
      }
    }
    return total.map((t) => (t * 1000) / (per * chunks));
  };
})();
</script>`,
);

/**
 * Once the load event is over and the page's own work (`__benchDone`) finished: navigation
 * timing, the first page script and "done", in ms from navigation start, sent to the bench
 * server for the run named in the page's query (`?run=<token>`).
 */
const TIMING = `<script>
(() => {
  const loaded = new Promise((ok) => addEventListener('load', () => setTimeout(ok, 0)));
  const run = new URLSearchParams(location.search).get('run');
  Promise.all([loaded, window.__benchDone || null]).then(([, done]) => {
    const nav = performance.getEntriesByType('navigation')[0];
    const t = {
      response: nav.responseStart - nav.startTime,
      first: window.__benchFirst - nav.startTime,
      dcl: nav.domContentLoadedEventEnd - nav.startTime,
      load: nav.loadEventEnd - nav.startTime,
      done: done ? done.end - nav.startTime : null,
      work: done ? done.end - done.start : null,
      elements: document.getElementsByTagName('*').length,
    };
    if (run) fetch('/__report?run=' + encodeURIComponent(run) + '&data=' + encodeURIComponent(JSON.stringify(t)));
  });
})();
</script>`;

/** A news article of about 200 elements, with a small stylesheet and script of its own. */
function articlePage(): string {
  const nav = Array.from({ length: 12 }, (_, i) => `<li><a href="/section/${i}">Section ${i}</a></li>`).join('');
  const paragraphs = Array.from(
    { length: 44 },
    (_, i) => `<p>Paragraph ${i}: the council <em>approved</em> the plan after a long debate, <a href="/story/${i}">read more</a> about it.</p>`,
  ).join('\n');
  const body = `<header><h1>Local news</h1><nav><ul>${nav}</ul></nav></header>
<main><article><h2>Council approves the new tram line</h2><p class="byline">By <span>A. Reporter</span>, <time>today</time></p>
${paragraphs}
<figure><img alt="" width="600" height="300"><figcaption>The planned route</figcaption></figure></article>
<aside><h3>Most read</h3><ol>${Array.from({ length: 8 }, (_, i) => `<li><a href="/top/${i}">Story ${i}</a></li>`).join('')}</ol></aside></main>
<footer><p>© Local news</p></footer>
<script src="/article.js"></script>${TIMING}`;
  return html('Local news', '<link rel="stylesheet" href="/article.css">', body);
}

/** After `load`, adds 2,000 elements in 20 batches of 10 cards, one task per batch. */
const dynamicPage = html(
  'dynamic feed',
  '',
  `<h1>Feed</h1><main id="feed"></main>
<script>
(() => {
  let finish;
  window.__benchDone = new Promise((ok) => (finish = ok));
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()();
  const nextTask = () => new Promise((ok) => { waiting.push(ok); channel.port2.postMessage(0); });
  const card = (i) => {
    const a = document.createElement('article');
    a.className = 'card';
    a.innerHTML = '<h3>Item ' + i + '</h3><p><a href="/item/' + i + '">Open</a> <span>3 min</span></p><img alt=""><ul><li>tag</li><li>more</li></ul><footer>end</footer>';
    return a;
  };
  addEventListener('load', async () => {
    const start = performance.now();
    const feed = document.getElementById('feed');
    const batches = ${DYNAMIC_NODES / 100}; // 10 cards of 10 elements each
    for (let b = 0; b < batches; b++) {
      const frag = document.createDocumentFragment();
      for (let c = 0; c < 10; c++) frag.append(card(b * 10 + c));
      feed.append(frag);
      await nextTask();
    }
    finish({ start, end: performance.now() });
  });
})();
</script>${TIMING}`,
);

/** Starts 50 fetches of JSON from another, non-AI host while parsing; done when all are read. */
const fetchesPage = html(
  'dashboard',
  `<script>
window.__benchDone = (async () => {
  const start = performance.now();
  const items = await Promise.all(Array.from({ length: ${PAGE_FETCHES} }, (_, i) => fetch('https://${DATA_HOST}/items/' + i + '.json').then((r) => r.json())));
  return { start, end: performance.now() };
})();
</script>`,
  `<h1>Dashboard</h1><p>50 widgets load their data.</p>${TIMING}`,
);

export interface LoadPage {
  id: 'article' | 'dynamic' | 'fetches';
  label: string;
  url: string;
  /** What the page's "done" means, or undefined when it has none. */
  doneLabel?: string;
  workLabel?: string;
}

export const LOAD_PAGES: LoadPage[] = [
  { id: 'article', label: 'article, ~200 elements', url: `https://${PAGE_HOST}/article.html` },
  { id: 'dynamic', label: `+${DYNAMIC_NODES.toLocaleString('en')} elements after load`, url: `https://${PAGE_HOST}/dynamic.html`, doneLabel: 'all added', workLabel: 'adding, from load' },
  { id: 'fetches', label: `${PAGE_FETCHES} fetches, non-AI host`, url: `https://${PAGE_HOST}/fetches.html`, doneLabel: 'all fetched', workLabel: 'fetching, 1st to 50th' },
];

const HTML = 'text/html; charset=utf-8';
const FILES: Record<string, Resource> = {
  [`${PAGE_HOST}/fetch.html`]: { type: HTML, body: fetchPage },
  [`${PAGE_HOST}/article.html`]: { type: HTML, body: articlePage() },
  [`${PAGE_HOST}/article.css`]: { type: 'text/css; charset=utf-8', body: 'body{font:16px/1.5 serif;max-width:46em;margin:auto}nav li{display:inline;margin-right:1em}aside{border-top:1px solid #ccc}' },
  [`${PAGE_HOST}/article.js`]: { type: 'text/javascript; charset=utf-8', body: "document.querySelectorAll('a').forEach((a) => a.setAttribute('rel', 'noopener'));" },
  [`${PAGE_HOST}/dynamic.html`]: { type: HTML, body: dynamicPage },
  [`${PAGE_HOST}/fetches.html`]: { type: HTML, body: fetchesPage },
};

export const resolveBenchResource: Resolver = (host, path) => {
  const file = FILES[`${host}${path}`];
  if (file) return file;
  const item = host === DATA_HOST ? /^\/items\/(\d+)\.json$/.exec(path) : null;
  if (item) return { type: 'application/json', cors: true, body: JSON.stringify({ id: Number(item[1]), title: `Widget ${item[1]}`, values: [3, 1, 4, 1, 5, 9, 2, 6] }) };
  return undefined;
};
