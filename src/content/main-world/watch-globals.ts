/**
 * Page globals that AI widgets' embed snippets define (`window.botpress`, `window.$crisp`, from
 * the database's markers). Checked as own properties of `window` without reading them (a getter
 * would run page code), a few times after load, since widgets arrive late.
 */
import hints from './detection-hints.ts';
import { documentUrl, getOwnPropertyDescriptor, later, listen, parseUrl } from './natives.ts';
import { type Report, send } from './relay.ts';

/** Milliseconds after `load` at which globals are checked again. */
const CHECKS_AFTER_LOAD = [0, 1000, 3000, 6000, 12000];

export function watchGlobals(): void {
  if (!hints.globals.length) return;
  const found = Object.create(null) as Record<string, 1>;
  const check = () => {
    try {
      const u = parseUrl(documentUrl(), undefined);
      if (!u) return;
      for (const [name, productId] of hints.globals) {
        if (found[name] === 1 || !getOwnPropertyDescriptor(globalThis, name)) continue;
        found[name] = 1;
        const report: Report = { __proto__: null } as unknown as Report;
        report.channel = 'marker';
        report.url = `${u.protocol}//${u.host}${u.pathname}`.slice(0, 2048);
        report.marker = `global:${name}`;
        report.productId = productId;
        send(report);
      }
    } catch {
      // Never into the page.
    }
  };
  listen(globalThis as unknown as EventTarget, 'load', () => {
    for (const ms of CHECKS_AFTER_LOAD) later(check, ms);
  }, false);
}
