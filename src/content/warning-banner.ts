/**
 * The in-page warning banner. It lives in a closed shadow root on an element of its own: page
 * styles cannot reach inside (`all: initial` on the host stops inheritance) and page scripts
 * cannot read it (`host.shadowRoot` is null for them; the root is kept only in this closure).
 * Built with textContent only. Fixed in a corner: it never moves the page's own input, never takes
 * focus, and its buttons act only on the browser's own (isTrusted) clicks.
 */
import type { PageWarningView } from '../core/messages.ts';
import { t } from '../shared/t.ts';

export interface BannerActions {
  details(): void;
  dismiss(): void;
}

// !important in a shadow tree's :host wins over the page's own !important (CSS cascade, shadow context).
const CSS = `
:host { all: initial !important; position: fixed !important; top: 12px !important; right: 12px !important; z-index: 2147483647 !important; display: block !important; width: min(420px, calc(100vw - 24px)) !important; }
.box { box-sizing: border-box; display: flex; gap: 10px; align-items: flex-start; padding: 12px 14px; border-radius: 10px; border: 1px solid #f0b429; border-left: 5px solid #c2410c; background: #fffbeb; color: #1f2328; font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans SC", sans-serif; box-shadow: 0 6px 24px rgba(0,0,0,.18); }
.icon { flex: none; font-weight: 700; color: #b42318; }
.body { display: flex; flex-direction: column; gap: 8px; min-width: 0; }
.brand { margin: 0; font-size: 12px; font-weight: 600; opacity: .8; }
.text { margin: 0; overflow-wrap: anywhere; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; }
button { font: inherit; font-size: 13px; cursor: pointer; border-radius: 6px; padding: 4px 10px; border: 1px solid #8a6d1f; background: transparent; color: inherit; }
button.primary { background: #1f2328; border-color: #1f2328; color: #fff; }
button:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .box { background: #2b2111; color: #f5efe0; border-color: #a16207; border-left-color: #fb923c; }
  .icon { color: #fca5a5; }
  button { border-color: #d6b45c; }
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

/** Shows the banner; returns a function that removes it. */
export function showBanner(warning: PageWarningView, actions: BannerActions): () => void {
  const host = document.createElement('div');
  host.setAttribute('data-ajg-warning', warning.kind);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = CSS;
  const box = element('div', 'box');
  box.setAttribute('role', 'status');
  box.setAttribute('aria-label', t('extName'));
  const icon = element('span', 'icon', '▲');
  icon.setAttribute('aria-hidden', 'true');
  const body = element('div', 'body');
  const remove = () => host.remove();
  const row = element('div', 'actions');
  row.append(
    button('primary', t('warnDetails'), actions.details),
    button('', t('warnDismiss'), () => {
      remove();
      actions.dismiss();
    }),
  );
  // Who speaks: the extension, not the site.
  body.append(element('p', 'brand', t('extName')), element('p', 'text', warning.text), row);
  box.append(icon, body);
  root.append(style, box);
  // On <html>, not <body>: page rules for body's children do not apply, and nothing reflows.
  document.documentElement.append(host);
  return remove;
}
