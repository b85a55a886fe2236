/**
 * When the top frame asks the background for the in-page warning: once when the page starts
 * (the page itself may be a risky AI product) and when the user types or pastes (the page may
 * send what they type to one). Listeners are passive and in the capture phase, and never stop or
 * change the event: typing is never held up. Only the browser's own (isTrusted) events count, so
 * a page cannot make the banner appear; at most one question every few seconds.
 */
import type { PageWarningView, WarningTrigger } from '../core/messages.ts';
import { sendToBackground } from './send-to-background.ts';
import { showBanner } from './warning-banner.ts';

const INPUT_ASK_INTERVAL_MS = 3000;

export function watchForWarning(doc: string): void {
  if (window !== window.top) return;
  let shown = false;
  let lastAsked = -Infinity;

  const show = (warning: PageWarningView) => {
    shown = true;
    removeEventListener('input', onInput, true);
    removeEventListener('paste', onInput, true);
    const ignore = () => undefined;
    showBanner(warning, {
      details: () => void sendToBackground({ type: 'content-to-bg/warning-details', doc }).catch(ignore),
      dismiss: () => void sendToBackground({ type: 'content-to-bg/dismiss-warning', doc }).catch(ignore),
    });
  };

  const ask = (trigger: WarningTrigger) => {
    if (trigger === 'input') lastAsked = performance.now();
    sendToBackground({ type: 'content-to-bg/get-warning', doc, trigger }).then(
      (warning) => {
        if (!warning || shown) return;
        if (document.body) show(warning);
        else addEventListener('DOMContentLoaded', () => shown || show(warning), { once: true });
      },
      () => undefined,
    );
  };

  function onInput(event: Event): void {
    if (!event.isTrusted || shown || performance.now() - lastAsked < INPUT_ASK_INTERVAL_MS) return;
    ask('input');
  }

  addEventListener('input', onInput, { capture: true, passive: true });
  addEventListener('paste', onInput, { capture: true, passive: true });
  ask('open');
}
