/**
 * Runs the red-team cases (red-team-cases.ts) in one browser and reads what arrived: every case
 * aimed at the control host and at the blocked host, then, after a settle wait, the fixture
 * server's requests carrying each case's token (or the connection and datagram counters).
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser.ts';
import type { FixtureServer } from './fixture-server.ts';
import { ATTACK_PAGE, CASES, type CaseContext, hostOf, type RedTeamCase, type Role } from './red-team-cases.ts';
import type { ConnectionCounter, DatagramCounter } from './red-team-network.ts';

export const ROLES: readonly Role[] = ['control', 'blocked'];
/** How long after the last case the server is read: beacons, pings and reports leave late. */
export const SETTLE_MS = 2500;
const CONCURRENCY = 6;
/** A case that has not answered by then is reported as such (the server still decides). */
const CASE_TIMEOUT_MS = 10_000;

export type Outcome =
  | 'blocked'
  | 'LEAK (arrived)'
  | 'documented limit'
  | 'control did not arrive'
  | 'not sent by the browser'
  // The reference run (nothing blocked): whether the URL aimed at the blocked host arrived.
  | 'arrives'
  | 'did not arrive';

export interface CaseResult {
  outcome: Outcome;
  /** What the page saw, per role. */
  seen: Record<Role, string>;
  /** Requests (connections, datagrams) that arrived, per role. */
  arrived: Record<Role, number>;
}

export interface Observers {
  server: FixtureServer;
  tcp: Record<Role, ConnectionCounter>;
  udp: Record<Role, DatagramCounter>;
}

/** What marks a case's requests in a run: their path is `/rt/<token>`. */
export const tokenOf = (run: string, c: RedTeamCase, role: Role) => `${run}-${c.id}-${role}`;

export function outcomeOf(c: RedTeamCase, arrived: Record<Role, number>, reference: boolean): Outcome {
  if (c.observe === 'none') return 'documented limit';
  if (reference) return arrived.blocked > 0 ? 'arrives' : c.browserRefuses ? 'not sent by the browser' : 'did not arrive';
  if (arrived.blocked > 0) return c.limit ? 'documented limit' : 'LEAK (arrived)';
  if (arrived.control === 0) return c.browserRefuses ? 'not sent by the browser' : 'control did not arrive';
  return 'blocked';
}

/** Runs `jobs` with at most `limit` at a time. */
async function pool(jobs: Array<() => Promise<void>>, limit: number): Promise<void> {
  const queue = [...jobs];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await job();
    }),
  );
}

/** Every case, both roles, in `ext`; `run` names the run in the tokens. */
export async function runCases(ext: ExtensionBrowser, observers: Observers, run: string, reference: boolean): Promise<Map<string, CaseResult>> {
  const { server, tcp, udp } = observers;
  const attack = await ext.newPage();
  await attack.goto(ATTACK_PAGE);
  const opened: Page[] = [attack];
  const open = async (url: string) => {
    const page = await ext.newPage();
    opened.push(page);
    await page.goto(url);
    return page;
  };
  let plain: Promise<Page> | undefined;
  const ctx: CaseContext = {
    attack,
    plainAttack: () => (plain ??= open(ATTACK_PAGE.replace('https:', 'http:'))),
    fresh: () => open(ATTACK_PAGE),
    blockPagePrefix: `chrome-extension://${ext.extensionId}/blocked.html`,
  };

  const seen = new Map<string, string>();
  const job = (c: RedTeamCase, role: Role) => async () => {
    const answer = await Promise.race([
      c.run(ctx, c.url(role, tokenOf(run, c, role))).catch((e: unknown) => `threw ${String(e).split('\n')[0]!.slice(0, 100)}`),
      new Promise<string>((ok) => setTimeout(() => ok('no answer (runner)'), CASE_TIMEOUT_MS)),
    ]);
    seen.set(tokenOf(run, c, role), answer);
  };
  // Chrome starts speculation rules and background fetches only for the visible tab: those cases
  // go first, one at a time, with the attacking page in front; the rest share the browser.
  await attack.bringToFront();
  for (const c of CASES.filter((x) => x.foreground)) for (const role of ROLES) await job(c, role)();
  await pool(CASES.filter((x) => !x.foreground).flatMap((c) => ROLES.map((role) => job(c, role))), CONCURRENCY);
  // Closing the tabs sends what waits for the page to go (fetchLater, unload beacons).
  for (const page of [...opened, ...ext.context.pages()]) {
    if (!page.isClosed() && !page.url().startsWith('chrome-extension://')) await page.close({ runBeforeUnload: true }).catch(() => undefined);
  }
  await new Promise((ok) => setTimeout(ok, SETTLE_MS));

  const results = new Map<string, CaseResult>();
  for (const c of CASES) {
    const arrived = {} as Record<Role, number>;
    for (const role of ROLES) {
      const t = `/rt/${tokenOf(run, c, role)}`;
      arrived[role] =
        c.observe === 'tcp' ? tcp[role].count
        : c.observe === 'udp' ? udp[role].count
        : c.observe === 'none' ? 0
        : server.requests.filter((r) => hostOf(role, r.host) && (r.path === t || r.path.startsWith(`${t}?`))).length;
    }
    const seenBy = (role: Role) => seen.get(tokenOf(run, c, role)) ?? 'not run';
    results.set(c.id, { outcome: outcomeOf(c, arrived, reference), seen: { control: seenBy('control'), blocked: seenBy('blocked') }, arrived });
  }
  return results;
}
