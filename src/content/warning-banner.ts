/**
 * The in-page warning banner. It lives in a closed shadow root on an element of its own: page
 * styles cannot reach inside (`all: initial` on the host stops inheritance) and page scripts
 * cannot read it (`host.shadowRoot` is null for them; the root is kept only in this closure).
 * Built with textContent only. Fixed at an edge of the window: it never moves the page's own input,
 * never takes focus, and its buttons act only on the browser's own (isTrusted) clicks.
 *
 * It never covers what the user types or has written: it goes to the edge away from the focused
 * field and the page's last lines beside it, and shrinks to two lines of text when that is what
 * fits (core/warning/banner-place.ts). It looks again when focus moves, the window is resized or
 * scrolled, the user types (a field can grow), or the document finishes loading, at most every
 * PLACE_INTERVAL_MS.
 */
import type { PageWarningView } from '../core/messages.ts';
import { type Avoid, BANNER_MARGIN, besideField, chooseBannerPlace, type Rect, type Size } from '../core/warning/banner-place.ts';
import { t } from '../shared/t.ts';

export interface BannerActions {
  details(): void;
  /** "Not now": gone for this visit of the page. */
  notNow(): void;
  /** Off for this site for good (offered only when the user may). */
  offForSite(): void;
}

export interface Banner {
  /** Shows another state in place (the settings changed while it showed). */
  update(warning: PageWarningView): void;
  remove(): void;
}

const PLACE_INTERVAL_MS = 150;
/** How far beyond the field the page's last lines count (share of the window's height). */
const REACH = 0.4;
/** A strip beside the field that is always kept clear (the gap before the last message). */
const BAND_PX = 48;

// !important in a shadow tree's :host wins over the page's own !important (CSS cascade, shadow context).
const CSS = `
:host { all: initial !important; position: fixed !important; z-index: 2147483647 !important; display: block !important; top: ${BANNER_MARGIN}px !important; right: ${BANNER_MARGIN}px !important; bottom: auto !important; left: auto !important; width: min(600px, calc(100vw - ${2 * BANNER_MARGIN}px)) !important; }
:host([data-edge=bottom]) { top: auto !important; bottom: ${BANNER_MARGIN}px !important; }
:host([data-side=left]) { right: auto !important; left: ${BANNER_MARGIN}px !important; }
.box { box-sizing: border-box; display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: flex-start; padding: 10px 12px; border-radius: 10px; border: 1px solid #f0b429; border-left: 5px solid #c2410c; background: #fffbeb; color: #1f2328; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans SC", sans-serif; box-shadow: 0 6px 24px rgba(0,0,0,.18); }
.box[data-kind=blocked] { border-color: #8c959f; border-left-color: #1f6feb; background: #f6f8fa; }
[data-kind=blocked] button { border-color: #57606a; }
.icon { flex: none; font-weight: 700; color: #b42318; }
[data-kind=blocked] .icon { color: #1f6feb; }
.body { flex: 1 1 0; min-width: 0; }
.brand { margin: 0 0 2px; font-size: 12px; font-weight: 600; opacity: .8; }
.text { margin: 0; overflow-wrap: anywhere; }
.org { margin: 4px 0 0; font-size: 13px; white-space: pre-line; overflow-wrap: anywhere; }
.actions { flex: 1 1 100%; display: flex; gap: 8px; flex-wrap: wrap; padding-left: 22px; }
button { font: inherit; font-size: 13px; cursor: pointer; border-radius: 6px; padding: 3px 10px; border: 1px solid #8a6d1f; background: transparent; color: inherit; white-space: nowrap; }
button.primary { background: #1f2328; border-color: #1f2328; color: #fff; }
button.quiet { border-color: transparent; text-decoration: underline; }
button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
.compact { align-items: center; padding: 6px 10px; gap: 4px 8px; }
.compact .brand, .compact .org { display: none; }
.compact .body { flex: 1 1 12em; }
.compact .text { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden; }
.compact .actions { flex: 0 1 auto; padding-left: 0; gap: 6px; }
.compact button { padding: 2px 7px; font-size: 12px; }
@media (prefers-color-scheme: dark) {
  .box { background: #2b2111; color: #f5efe0; border-color: #a16207; border-left-color: #fb923c; }
  .box[data-kind=blocked] { background: #161b22; border-color: #57606a; border-left-color: #58a6ff; }
  .icon { color: #fca5a5; }
  [data-kind=blocked] .icon { color: #58a6ff; }
  button { border-color: #d6b45c; }
  [data-kind=blocked] button { border-color: #8c959f; }
  button.quiet { border-color: transparent; }
  button.primary { background: #f5efe0; border-color: #f5efe0; color: #1f2328; }
  button:focus-visible { outline-color: #93c5fd; }
}`;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function button(className: string, label: string, act: () => void): HTMLButtonElement {
  const b = element('button', className, label);
  b.type = 'button';
  b.addEventListener('click', (event) => {
    // A page cannot reach into a closed root, but a trusted click is the only click that counts.
    if (event.isTrusted) act();
  });
  return b;
}

const toRect = (r: DOMRect): Rect => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });

/** Where the user types: the focused text field, editable element or frame (open shadow roots included). */
function fieldOf(el: Element | null): Element | undefined {
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  if (!el) return undefined;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'IFRAME' || (el as HTMLElement).isContentEditable) return el;
  return tag === 'INPUT' && !/^(button|checkbox|color|file|hidden|image|radio|range|reset|submit)$/.test((el as HTMLInputElement).type) ? el : undefined;
}

/** Shows the banner; returns how to update or remove it. */
export function showBanner(warning: PageWarningView, actions: BannerActions): Banner {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const box = element('div', 'box');
  box.setAttribute('role', 'status');
  box.setAttribute('aria-label', t('extName'));
  const icon = element('span', 'icon');
  icon.setAttribute('aria-hidden', 'true');
  const text = element('p', 'text');
  const body = element('div', 'body');
  // Who speaks: the extension, not the site.
  body.append(element('p', 'brand', t('extName')), text);
  const row = element('div', 'actions');
  const offForSite = button('quiet', t('warnDismiss'), () => (remove(), actions.offForSite()));
  // The organization's approved tool: its address came from the policy through the background,
  // never from the page; opened by this (isolated) world's own window.open.
  let alternativeUrl = '';
  const alternative = button('primary', '', () => void window.open(alternativeUrl, '_blank', 'noopener,noreferrer'));
  // The organization's words and where to get help: from the policy too, shown as text only.
  const org = element('p', 'org');
  let supportUrl = '';
  const support = button('quiet', t('orgSupport'), () => void window.open(supportUrl, '_blank', 'noopener,noreferrer'));
  row.append(
    button('primary', t('warnDetails'), actions.details),
    button('', t('warnNotNow'), () => (remove(), actions.notNow())),
  );
  box.append(icon, body, row);
  root.append(style, box);

  const render = (w: PageWarningView) => {
    // A marker without a value: what the banner says (risk or blocked) stays in the closed root.
    host.setAttribute('data-ajg-warning', '');
    box.setAttribute('data-kind', w.kind);
    icon.textContent = w.kind === 'blocked' ? '⊘' : '▲';
    text.textContent = w.text;
    // Shrunk to two lines, the whole line stays one hover away.
    text.title = w.text;
    if (w.offForSite) row.append(offForSite);
    else offForSite.remove();
    if (w.alternative) {
      alternativeUrl = w.alternative.url;
      alternative.textContent = t('orgOpen', [w.alternative.name]);
      alternative.title = t(w.alternative.mine ? 'prefToolIs' : 'orgProvides', [w.alternative.name]);
      row.prepend(alternative);
    } else alternative.remove();
    if (w.orgMessage) {
      org.textContent = w.orgMessage;
      body.append(org);
    } else org.remove();
    if (w.supportUrl) {
      supportUrl = w.supportUrl;
      row.append(support);
    } else support.remove();
  };

  let lastField: Element | undefined;
  let sized: { key: string; full: Size; compact: Size } | undefined;
  const place = () => {
    const view = { width: document.documentElement.clientWidth || innerWidth, height: innerHeight };
    const focused = fieldOf(document.activeElement);
    if (focused) lastField = focused;
    // Before any focus: the page's first text box is where the user will type.
    const field = focused ?? (lastField?.isConnected ? lastField : undefined) ?? document.querySelector('textarea, [contenteditable=""], [contenteditable="true"]') ?? undefined;
    const r = field?.getBoundingClientRect();
    const avoid: Avoid = { content: [] };
    if (field && r && r.width > 0 && r.height > 0) {
      avoid.field = toRect(r);
      avoid.content = besideField(avoid.field, view, nextTo(field, avoid.field, view.height), view.height * REACH, BAND_PX);
    }
    const measure = (compact: boolean) => {
      box.classList.toggle('compact', compact);
      const b = host.getBoundingClientRect();
      return { width: b.width, height: b.height };
    };
    // Its size depends only on the window's width and the words (scrolling changes neither).
    const key = `${view.width} ${box.textContent}`;
    if (sized?.key !== key) sized = { key, full: measure(false), compact: measure(true) };
    const chosen = chooseBannerPlace(view, sized, avoid);
    box.classList.toggle('compact', chosen.compact);
    host.setAttribute('data-edge', chosen.edge);
    host.setAttribute('data-side', chosen.side);
  };

  /** The page's content just beyond the field, toward the middle of the window: the last message of a chat. */
  function nextTo(fieldEl: Element, field: Rect, height: number): Rect[] {
    const out: Rect[] = [];
    const above = field.top + field.bottom > height;
    for (const dy of [12, 40]) {
      for (const fx of [0.2, 0.5, 0.8]) {
        const x = field.left + (field.right - field.left) * fx;
        const y = above ? field.top - dy : field.bottom + dy;
        const hit = document.elementsFromPoint(x, y).find((el) => el !== host);
        if (!hit || hit === document.body || hit === document.documentElement || hit.contains(fieldEl)) continue;
        // Up to the message: the largest ancestor still short of the reach and not holding the field.
        let block: Element = hit;
        for (let up = block.parentElement; up && up !== document.body && up.getBoundingClientRect().height <= height * REACH && !up.contains(fieldEl); up = up.parentElement) block = up;
        out.push(toRect(block.getBoundingClientRect()));
      }
    }
    return out;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      place();
    }, PLACE_INTERVAL_MS);
  };
  const on = { capture: true, passive: true } as const;
  const events = ['focusin', 'input', 'paste', 'scroll', 'resize'];
  for (const type of events) addEventListener(type, schedule, on);
  // A warning can show before the page has laid itself out (its own script may still move the
  // input): look again once the document is parsed and once it has loaded. Not captured, so a
  // sub-resource's load event does not count.
  for (const type of ['DOMContentLoaded', 'load']) addEventListener(type, schedule, { once: true, passive: true });

  // A page that takes the banner out of the document (or moves it into its own elements, where
  // a transform or overflow could hide it) gets it put back on <html> while it is meant to show.
  const keep = new MutationObserver(() => {
    if (host.parentNode !== document.documentElement) document.documentElement.append(host);
  });

  function remove(): void {
    for (const type of events) removeEventListener(type, schedule, on);
    clearTimeout(timer);
    keep.disconnect();
    host.remove();
  }

  render(warning);
  // On <html>, not <body>: page rules for body's children do not apply, and nothing reflows.
  document.documentElement.append(host);
  keep.observe(document.documentElement, { childList: true });
  place();
  return {
    update: (w) => (render(w), place()),
    remove,
  };
}
