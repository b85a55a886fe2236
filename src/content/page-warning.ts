/**
 * When the top frame asks the background for the in-page warning: once when the page starts
 * (the page itself may be a risky AI product) and when the user types or pastes (the page may
 * send what they type to one). Listeners are passive and in the capture phase, and never stop or
 * change the event: typing is never held up. Only the browser's own (isTrusted) events count, so
 * a page cannot make the banner appear; at most one question every few seconds.
 *
 * While the banner shows, the background tells this frame when the settings or the policy changed
 * (`bg-to-content/warning-changed`, nothing else is accepted) and it asks again at once: a block
 * made in the popup shows here without a reload. "Not now" and "off for this site" end the
 * warning for this visit of the page.
 */
import type { PageWarningView, WarningTrigger } from '../core/messages.ts';
import { isWarningChanged } from '../core/warning/warning-changed.ts';
import { sendToBackground } from './send-to-background.ts';
import { type Banner, showBanner } from './warning-banner.ts';

const INPUT_ASK_INTERVAL_MS = 3000;

interface MessageEvent {
  addListener(listener: (message: unknown) => void): void;
  removeListener(listener: (message: unknown) => void): void;
}
declare const browser: { runtime: { onMessage: MessageEvent } } | undefined;
declare const chrome: { runtime: { onMessage: MessageEvent } } | undefined;
const onMessage = (): MessageEvent => (typeof browser !== 'undefined' ? browser.runtime : chrome!.runtime).onMessage;

export function watchForWarning(doc: string): void {
  if (window !== window.top) return;
  let banner: Banner | undefined;
  /** Closed by the user ("Not now" or off for this site): nothing more on this visit. */
  let closed = false;
  let typed = false;
  let lastAsked = -Infinity;
  const ignore = () => undefined;

  const hide = () => {
    banner?.remove();
    banner = undefined;
    onMessage().removeListener(onChanged);
  };

  const show = (warning: PageWarningView) => {
    banner = showBanner(warning, {
      details: () => void sendToBackground({ type: 'content-to-bg/warning-details', doc }).catch(ignore),
      notNow: () => ((closed = true), hide()),
      offForSite: () => {
        closed = true;
        hide();
        void sendToBackground({ type: 'content-to-bg/dismiss-warning', doc }).catch(ignore);
      },
    });
    onMessage().addListener(onChanged);
  };

  /** `again`: the settings changed while the banner showed; its new state replaces it, or nothing. */
  const ask = (trigger: WarningTrigger, again = false) => {
    sendToBackground({ type: 'content-to-bg/get-warning', doc, trigger }).then((warning) => {
      if (closed) return;
      if (banner) {
        if (!again) return;
        if (warning) banner.update(warning);
        else hide();
      } else if (warning && !again) {
        if (document.body) show(warning);
        else addEventListener('DOMContentLoaded', () => closed || banner || show(warning), { once: true });
      }
    }, ignore);
  };

  function onChanged(message: unknown): void {
    if (isWarningChanged(message) && banner) ask(typed ? 'input' : 'open', true);
  }

  function onInput(event: Event): void {
    if (!event.isTrusted) return;
    typed = true;
    if (banner || closed || performance.now() - lastAsked < INPUT_ASK_INTERVAL_MS) return;
    lastAsked = performance.now();
    ask('input');
  }

  addEventListener('input', onInput, { capture: true, passive: true });
  addEventListener('paste', onInput, { capture: true, passive: true });
  // Back from the back/forward cache: no message reached it there, and the settings may have changed.
  addEventListener('pageshow', (event) => {
    if (event.isTrusted && event.persisted && banner) ask(typed ? 'input' : 'open', true);
  });
  ask('open');
}
