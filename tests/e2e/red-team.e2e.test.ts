/// <reference types="chrome" />
/**
 * Red team: every way an ordinary page can send data to a blocked host, tried under a provider
 * block (DeepSeek) and a country block (China) in block mode. Each case is aimed once at an
 * unblocked AI host (Mistral: the control, which must arrive, so that "blocked" cannot come from
 * a broken test) and once at the blocked host; the fixture server's received requests (or, for
 * traffic that is no request, its connection and datagram counters) are the ground truth.
 * Writes the results table to artifacts/red-team.md and fails on any leak that is not a
 * documented limit (docs/policy.md, "What a page can try, and what happens").
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { type FixtureServer, startFixtureServer } from './harness/fixture-server.ts';
import { ATTACK_PAGE, ATTACKER, CASES, type CaseContext, hostOf, type RedTeamCase, type Role, TARGETS } from './harness/red-team-cases.ts';
import { type ConnectionCounter, countConnections, countDatagrams, type DatagramCounter, redTeamResolverRules, serveAttacker, serveTargets } from './harness/red-team-network.ts';
import { updateSettings } from './harness/settings.ts';

const REPORT = resolve(import.meta.dirname, '../../artifacts/red-team.md');
const ROLES: Role[] = ['control', 'blocked'];
const TARGET_HOSTS = [...new Set(ROLES.flatMap((r) => [...Object.values(TARGETS[r]), `rt.${TARGETS[r].api}`]))];
const HOSTS = [ATTACKER, 'shop.example.com', ...TARGET_HOSTS];
/** How long after the last case the server is read: beacons, pings and reports leave late. */
const SETTLE_MS = 2500;
const CONCURRENCY = 6;

/**
 * The two blocks, and a reference run with nothing blocked: there the very URLs aimed at the
 * blocked host must arrive, so that "nothing arrived" under a block cannot come from a URL
 * spelling, host mapping or route that never worked.
 */
const SCENARIOS = [
  { id: 'provider', label: 'Provider block (DeepSeek)', settings: { blockedProviders: ['deepseek'] }, reference: false },
  { id: 'country', label: 'Country block (China)', settings: { blockedCountries: ['CN'] }, reference: false },
  { id: 'reference', label: 'Nothing blocked (reference)', settings: {}, reference: true },
] as const;
type ScenarioId = (typeof SCENARIOS)[number]['id'];

type Outcome = 'blocked' | 'LEAK (arrived)' | 'documented limit' | 'control did not arrive' | 'not sent by the browser' | 'arrives' | 'did not arrive';
interface CaseResult {
  outcome: Outcome;
  /** What the page saw, and how many requests (connections, datagrams) arrived, per role. */
  seen: Record<Role, string>;
  arrived: Record<Role, number>;
}

const results = new Map<ScenarioId, Map<string, CaseResult>>();
const notes: string[] = [];

function outcomeOf(c: RedTeamCase, arrived: Record<Role, number>, reference: boolean): Outcome {
  if (c.observe === 'none') return 'documented limit';
  if (reference) return arrived.blocked > 0 ? 'arrives' : c.browserRefuses ? 'not sent by the browser' : 'did not arrive';
  if (arrived.blocked > 0) return c.limit ? 'documented limit' : 'LEAK (arrived)';
  if (arrived.control === 0) return c.browserRefuses ? 'not sent by the browser' : 'control did not arrive';
  return 'blocked';
}

/** Runs `jobs` with at most `limit` at a time. */
async function pool(jobs: Array<() => Promise<void>>, limit: number): Promise<void> {
  const queue = [...jobs];
  await Promise.all(Array.from({ length: limit }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await job();
  }));
}

for (const scenario of SCENARIOS) {
  describe(`red team: ${scenario.label}`, () => {
    let ext: ExtensionBrowser | undefined;
    let server: FixtureServer | undefined;
    let tcp: Record<Role, ConnectionCounter> | undefined;
    let udp: Record<Role, DatagramCounter> | undefined;
    const byCase = new Map<string, CaseResult>();
    results.set(scenario.id, byCase);
    const token = (c: RedTeamCase, role: Role) => `${scenario.id}-${c.id}-${role}`;

    beforeAll(async () => {
      server = await startFixtureServer();
      serveTargets(server, TARGET_HOSTS);
      serveAttacker(server, ATTACKER);
      tcp = { control: await countConnections(server.httpsPort), blocked: await countConnections(server.httpsPort) };
      udp = { control: await countDatagrams(), blocked: await countDatagrams() };
      const rules = redTeamResolverRules(
        {
          hosts: HOSTS,
          https443: { [TARGETS.control.connect]: tcp.control.port, [TARGETS.blocked.connect]: tcp.blocked.port },
          quic: { [TARGETS.control.api]: udp.control.port, [TARGETS.blocked.api]: udp.blocked.port },
        },
        server.httpPort,
        server.httpsPort,
      );
      ext = await launchExtension({ hosts: HOSTS, server, args: [`--host-resolver-rules=${rules}`] });
      expect(await updateSettings(ext, { ...scenario.settings, mode: 'block' })).toMatchObject({ ok: true });

      // The rules cover WebTransport by resource type (nothing here can answer QUIC: see the case).
      const wt = await (await ext.extensionPage()).evaluate((url) =>
        chrome.declarativeNetRequest.testMatchOutcome({ url, type: 'webtransport' as chrome.declarativeNetRequest.ResourceType }).then((r) => r.matchedRules.length, (e) => String(e)),
      `https://${TARGETS.blocked.api}/`);
      notes.push(`${scenario.label}: declarativeNetRequest.testMatchOutcome(webtransport, https://${TARGETS.blocked.api}/) matched ${wt} rule(s).`);

      const attack = await ext.newPage();
      await attack.goto(ATTACK_PAGE);
      const opened: Page[] = [attack];
      let plain: Promise<Page> | undefined;
      const ctx: CaseContext = {
        attack,
        plainAttack: () =>
          (plain ??= ext!.newPage().then(async (page) => {
            opened.push(page);
            await page.goto(ATTACK_PAGE.replace('https:', 'http:'));
            return page;
          })),
        fresh: async () => {
          const page = await ext!.newPage();
          opened.push(page);
          await page.goto(ATTACK_PAGE);
          return page;
        },
        blockPagePrefix: `chrome-extension://${ext.extensionId}/blocked.html`,
      };
      const seen = new Map<string, string>();
      const job = (c: RedTeamCase, role: Role) => async () => {
          const answer = await Promise.race([
            c.run(ctx, c.url(role, token(c, role))).catch((e: unknown) => `threw ${String(e).split('\n')[0]!.slice(0, 100)}`),
            new Promise<string>((ok) => setTimeout(() => ok('no answer (runner)'), 10_000)),
          ]);
          seen.set(token(c, role), answer);

      };
      // Chrome starts speculation rules only in the visible tab: those cases go first, one at a
      // time, with the attacking page in front; the rest share the browser.
      await attack.bringToFront();
      for (const c of CASES.filter((x) => x.foreground)) for (const role of ROLES) await job(c, role)();
      await pool(CASES.filter((x) => !x.foreground).flatMap((c) => ROLES.map((role) => job(c, role))), CONCURRENCY);
      // Closing the tabs sends what waits for the page to go (fetchLater, unload beacons).
      for (const page of [...opened, ...ext.context.pages()]) if (!page.isClosed() && !page.url().startsWith('chrome-extension://')) await page.close({ runBeforeUnload: true }).catch(() => undefined);
      await new Promise((ok) => setTimeout(ok, SETTLE_MS));

      for (const c of CASES) {
        const arrived = {} as Record<Role, number>;
        for (const role of ROLES) {
          const t = `/rt/${token(c, role)}`;
          arrived[role] =
            c.observe === 'tcp' ? tcp[role].count
            : c.observe === 'udp' ? udp[role].count
            : c.observe === 'none' ? 0
            : server.requests.filter((r) => hostOf(role, r.host) && r.path.startsWith(t) && !/[\w]/.test(r.path.charAt(t.length))).length;
        }
        byCase.set(c.id, { outcome: outcomeOf(c, arrived, scenario.reference), seen: { control: seen.get(token(c, 'control'))!, blocked: seen.get(token(c, 'blocked'))! }, arrived });
      }
    }, 240_000);

    afterAll(async () => {
      await ext?.close();
      await server?.close();
      for (const counter of [...Object.values(tcp ?? {}), ...Object.values(udp ?? {})]) await counter.close();
    });

    const title = scenario.reference ? '%s: both URLs arrive' : '%s: the control arrives, the blocked host receives nothing';
    it.each(CASES.map((c) => [c.technique, c] as const))(title, (_, c) => {
      const result = byCase.get(c.id);
      expect(result, 'the case did not run').toBeDefined();
      if (c.observe === 'none') return;
      if (scenario.reference) {
        // Nothing blocked: the URL aimed at the blocked host arrives like the control.
        if (c.browserRefuses) expect(result!.arrived.blocked, `blocked-host URL: ${result!.seen.blocked}`).toBe(0);
        else expect(result!.arrived.blocked, `blocked-host URL: ${result!.seen.blocked}`).toBeGreaterThan(0);
        return;
      }
      if (!c.limit) expect(result!.arrived.blocked, `blocked: ${result!.seen.blocked}`).toBe(0);
      // A case the browser itself refuses says so with its control; if the browser starts sending
      // it, the case must become a real one.
      if (c.browserRefuses) expect(result!.outcome, `control: ${result!.seen.control}`).toBe('not sent by the browser');
      else expect(result!.arrived.control, `control: ${result!.seen.control}`).toBeGreaterThan(0);
    });

    it.skipIf(scenario.reference)('no other request reached a blocked host', () => {
      const tokens = CASES.filter((c) => c.limit).map((c) => `/rt/${token(c, 'blocked')}`);
      const stray = server!.requests.filter((r) => hostOf('blocked', r.host) && !tokens.some((t) => r.path.startsWith(t)));
      expect(stray.map((r) => `${r.method} ${r.scheme}://${r.host}${r.path}`)).toEqual([]);
    });
  });
}

/** Text for a Markdown table cell: no HTML tags, no column breaks. */
const md = (text: string) => text.replace(/</g, '&lt;').replace(/\|/g, '\\|');

afterAll(async () => {
  const cell = (id: ScenarioId, c: RedTeamCase) => {
    const r = results.get(id)?.get(c.id);
    if (!r) return 'not run';
    if (r.outcome === 'documented limit' && c.observe !== 'none') return r.arrived.blocked === 0 ? 'blocked' : `documented limit (${r.arrived.blocked} ${c.observe === 'requests' ? 'request' : c.observe === 'tcp' ? 'TCP connection' : 'datagram'}${r.arrived.blocked === 1 ? '' : 's'})`;
    return r.outcome;
  };
  const lines = [
    '# Red-team suite: what an ordinary page can send to a blocked host',
    '',
    `Chromium with the built extension, block mode, attacking page https://${ATTACKER}/. Each technique is aimed at an unblocked host, ${TARGETS.control.api} (the control, which must arrive), and at the blocked ${TARGETS.blocked.api} / ${TARGETS.blocked.chat}. In the reference run nothing is blocked and the URLs aimed at the blocked host must arrive too. Ground truth: the fixture server's received requests (or TCP connections / UDP datagrams where stated), read ${SETTLE_MS} ms after the last case. Written by tests/e2e/red-team.e2e.test.ts.`,
    '',
    `| Technique | ${SCENARIOS.map((s) => s.label).join(' | ')} |`,
    `|---|${SCENARIOS.map(() => '---').join('|')}|`,
    ...CASES.map((c) => `| ${md(c.technique)} | ${SCENARIOS.map((s) => cell(s.id, c)).join(' | ')} |`),
    '',
    '## Documented limits',
    '',
    ...CASES.filter((c) => c.limit).map((c) => `- **${md(c.technique)}**: ${c.limit}`),
    '',
    '## Not sent by the browser (the control does not arrive either)',
    '',
    ...CASES.filter((c) => c.browserRefuses).map((c) => `- **${md(c.technique)}**: ${c.browserRefuses}`),
    '',
    '## Notes',
    '',
    ...notes.map((n) => `- ${n}`),
    '',
    '## What each side saw (page answer; arrivals at the server)',
    '',
    `| Technique | ${SCENARIOS.map((s) => `${s.id}: control | ${s.id}: blocked`).join(' | ')} |`,
    `|---|${SCENARIOS.map(() => '---|---').join('|')}|`,
    ...CASES.map((c) => {
      const cells = SCENARIOS.flatMap((s) => {
        const r = results.get(s.id)?.get(c.id);
        return ROLES.map((role) => (r ? md(`${r.seen[role]} (${r.arrived[role]})`) : '–'));
      });
      return `| ${c.id} | ${cells.join(' | ')} |`;
    }),
    '',
  ];
  await mkdir(dirname(REPORT), { recursive: true });
  await writeFile(REPORT, lines.join('\n'));
});
