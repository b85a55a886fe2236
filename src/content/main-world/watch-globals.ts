/**
 * Page globals that AI widgets' embed snippets define (`window.botpress`, `window.$crisp`, from
 * the database's markers). The list comes from the isolated script after load (relay.ts,
 * BRIDGE_GLOBALS), not in this file: every frame parses this file, and its size must not grow
 * with the catalog. Checked as own properties of `window` without reading them (a getter would
 * run page code), a few times from then on, since widgets arrive late.
 */
import { documentUrl, getOwnPropertyDescriptor, later, parseJson, parseUrl } from './natives.ts';
import { type Report, send } from './relay.ts';

/** Milliseconds after the list arrived (after load) at which globals are checked again. */
const CHECKS_AFTER_LOAD = [0, 1000, 3000, 6000, 12000];
const MAX_GLOBALS = 5000;

let globals: Array<[string, string]> | undefined;

function check(): void {
  try {
    const list = globals;
    if (!list) return;
    const u = parseUrl(documentUrl(), undefined);
    if (!u) return;
    for (let i = 0; i < list.length; i++) {
      const [name, productId] = list[i]!;
      if (!name || !getOwnPropertyDescriptor(globalThis, name)) continue;
      list[i] = ['', ''];
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
}

/** The list from the line (JSON of [name, product id] pairs); the first one taken is kept. */
export function setGlobals(detail: unknown): void {
  if (globals || typeof detail !== 'string' || detail.length > 200_000) return;
  const parsed = parseJson(detail) as unknown;
  if (!Array.isArray(parsed)) return;
  const list: Array<[string, string]> = [];
  for (let i = 0; i < parsed.length && i < MAX_GLOBALS; i++) {
    const pair = parsed[i] as unknown;
    if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string') list[list.length] = [pair[0], pair[1]];
  }
  globals = list;
  for (let i = 0; i < CHECKS_AFTER_LOAD.length; i++) later(check, CHECKS_AFTER_LOAD[i]!);
}
