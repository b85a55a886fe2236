/// <reference types="chrome" />
/**
 * Red team: every way an ordinary page can send data to a blocked host, tried under a provider
 * block (DeepSeek) and a country block (China) in block mode. Each case is aimed once at an
 * unblocked AI host (Mistral: the control, which must arrive, so that "blocked" cannot come from
 * a broken test) and once at the blocked host; the fixture server's received requests (or, for
 * traffic that is no request, connection and datagram counters) are the ground truth. A reference
 * run with nothing blocked shows that the URLs aimed at the blocked host arrive when allowed.
 * Writes the results table to artifacts/red-team.md and fails on any leak that is not a
 * documented limit (docs/policy.md, "What a page can try, and what happens").
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { type FixtureServer, startFixtureServer } from './harness/fixture-server.ts';
import { ATTACK_PAGE, ATTACKER, CASES, hostOf, TARGETS } from './harness/red-team-cases.ts';
import { countConnections, countDatagrams, redTeamResolverRules, serveAttacker, serveTargets, type SocketData } from './harness/red-team-network.ts';
import { redTeamReport } from './harness/red-team-report.ts';
import { type CaseResult, type Observers, ROLES, runCases, tokenOf } from './harness/red-team-run.ts';
import { updateSettings } from './harness/settings.ts';

const REPORT = resolve(import.meta.dirname, '../../artifacts/red-team.md');
const TARGET_HOSTS = [...new Set(ROLES.flatMap((r) => [...Object.values(TARGETS[r]), `rt.${TARGETS[r].api}`]))];
const HOSTS = [ATTACKER, 'shop.example.com', ...TARGET_HOSTS];

/**
 * The two blocks, and a reference run with nothing blocked: there the very URLs aimed at the
 * blocked host must arrive, so that "nothing arrived" under a block cannot come from a URL
 * spelling, host mapping or route that never worked.
 */
const RUNS = [
  // Amazon (United States) too, for the hosts the database lists only through `*` patterns.
  { id: 'provider', label: 'Provider block (DeepSeek, Amazon)', settings: { blockedProviders: ['deepseek', 'amazon'] }, reference: false },
  { id: 'country', label: 'Country block (China, United States)', settings: { blockedCountries: ['CN', 'US'] }, reference: false },
  { id: 'reference', label: 'Nothing blocked (reference)', settings: {}, reference: true },
] as const;

const results = new Map<string, Map<string, CaseResult>>();
const notes: string[] = [];

for (const run of RUNS) {
  describe(`red team: ${run.label}`, () => {
    let ext: ExtensionBrowser | undefined;
    let server: FixtureServer | undefined;
    let observers: Observers | undefined;
    let socketData: SocketData[] = [];
    let byCase = new Map<string, CaseResult>();

    beforeAll(async () => {
      server = await startFixtureServer();
      socketData = serveTargets(server, TARGET_HOSTS);
      serveAttacker(server, ATTACKER);
      observers = {
        server,
        tcp: { control: await countConnections(server.httpsPort), blocked: await countConnections(server.httpsPort) },
        udp: { control: await countDatagrams(), blocked: await countDatagrams() },
      };
      const rules = redTeamResolverRules(
        {
          hosts: HOSTS,
          https443: { [TARGETS.control.connect]: observers.tcp.control.port, [TARGETS.blocked.connect]: observers.tcp.blocked.port },
          quic: { [TARGETS.control.api]: observers.udp.control.port, [TARGETS.blocked.api]: observers.udp.blocked.port },
        },
        server.httpPort,
        server.httpsPort,
      );
      ext = await launchExtension({ hosts: HOSTS, server, args: [`--host-resolver-rules=${rules}`] });
      expect(await updateSettings(ext, { ...run.settings, mode: 'block' })).toMatchObject({ ok: true });

      // No HTTP/3 server exists here: besides the datagram count, the rules' own answer for the
      // webtransport resource type.
      const matched = await (await ext.extensionPage()).evaluate(
        (url) =>
          chrome.declarativeNetRequest
            .testMatchOutcome({ url, type: 'webtransport' as chrome.declarativeNetRequest.ResourceType })
            .then((r) => String(r.matchedRules.length), (e: unknown) => String(e)),
        `https://${TARGETS.blocked.api}/`,
      );
      notes.push(`${run.label}: declarativeNetRequest.testMatchOutcome for a webtransport request to https://${TARGETS.blocked.api}/ matched ${matched} rule(s).`);

      byCase = await runCases(ext, observers, run.id, run.reference);
      results.set(run.id, byCase);
    }, 240_000);

    afterAll(async () => {
      await ext?.close();
      await server?.close();
      for (const counter of [...Object.values(observers?.tcp ?? {}), ...Object.values(observers?.udp ?? {})]) await counter.close();
    });

    const title = run.reference ? '%s: both URLs arrive' : '%s: the control arrives, the blocked host receives nothing';
    it.each(CASES.map((c) => [c.technique, c] as const))(title, (_, c) => {
      const result = byCase.get(c.id);
      expect(result, 'the case did not run').toBeDefined();
      const { arrived, seen } = result!;
      if (c.observe === 'none') return;
      if (run.reference) {
        if (c.browserRefuses) expect(arrived.blocked, `blocked-host URL: ${seen.blocked}`).toBe(0);
        else expect(arrived.blocked, `blocked-host URL: ${seen.blocked}`).toBeGreaterThan(0);
        return;
      }
      if (!c.limit) expect(arrived.blocked, `blocked: ${seen.blocked}`).toBe(0);
      // A case the browser itself does not send checks that its control stays silent too: if the
      // browser starts sending it, the case has to become a real one.
      if (c.browserRefuses) expect(arrived.control, `control: ${seen.control}`).toBe(0);
      else expect(arrived.control, `control: ${seen.control}`).toBeGreaterThan(0);
    });

    // Network rules stop new requests only; a connection opened before the block is not a request.
    // The page hook closes such a socket when the blocked hosts change (main-world/open-streams.ts).
    it.skipIf(run.reference)('a WebSocket opened before the block is closed by it, and nothing sent after arrives', async () => {
      expect(await updateSettings(ext!, { blockedProviders: [], blockedCountries: [] })).toMatchObject({ ok: true });
      const page = await ext!.newPage();
      await page.goto(ATTACK_PAGE);
      const path = `/rt/${run.id}-preopen-blocked`;
      const url = `wss://${TARGETS.blocked.api}${path}`;
      const opened = await page.evaluate((u) => new Promise<string>((ok) => {
        const ws = new WebSocket(u);
        (window as unknown as { preopened: WebSocket }).preopened = ws;
        ws.onopen = () => ok('open');
        ws.onerror = () => ok('error');
      }), url);
      expect(opened).toBe('open');
      // Positive control: while nothing is blocked, what the page sends arrives.
      await page.evaluate(() => (window as unknown as { preopened: WebSocket }).preopened.send('note=before the block'));
      await expect.poll(() => socketData.filter((d) => d.path === path).length, { timeout: 5000 }).toBeGreaterThan(0);
      expect(await updateSettings(ext!, { ...run.settings, mode: 'block' })).toMatchObject({ ok: true });
      const blockedAt = Date.now();
      // Closing (2) or closed (3): from then on the browser sends nothing the page gives it.
      await expect.poll(() => page.evaluate(() => (window as unknown as { preopened: WebSocket }).preopened.readyState), { timeout: 5000 }).toBeGreaterThanOrEqual(2);
      await page.evaluate(() => (window as unknown as { preopened: WebSocket }).preopened.send('note=red-team secret, after the block'));
      const fresh = await page.evaluate((u) => fetch(u, { method: 'POST', body: 'x' }).then(() => 'arrived', () => 'blocked'), `https://${TARGETS.blocked.api}/rt/${run.id}-preopen-fetch`);
      await new Promise((ok) => setTimeout(ok, 1000));
      const after = socketData.filter((d) => d.path === path && d.time >= blockedAt);
      notes.push(`${run.label}: a WebSocket to ${TARGETS.blocked.api} opened before the block was closed when the block came; ${after.length ? `${after.reduce((n, d) => n + d.bytes, 0)} bytes arrived after the block` : 'nothing sent after the block arrived'}; a new fetch after the block was ${fresh}.`);
      // The browser's own close frame (6 to 8 bytes: header, mask, status code) may follow the block; no message does.
      expect(after.filter((d) => d.bytes > 8)).toEqual([]);
      expect(fresh).toBe('blocked');
      await page.close();
    });

    it.skipIf(run.reference)('no other request reached a blocked host', () => {
      const allowed = [...CASES.filter((c) => c.limit).map((c) => `/rt/${tokenOf(run.id, c, 'blocked')}`), `/rt/${run.id}-preopen-blocked`];
      const stray = server!.requests.filter((r) => hostOf('blocked', r.host) && !allowed.some((t) => r.path.startsWith(t)));
      expect(stray.map((r) => `${r.method} ${r.scheme}://${r.host}${r.path}`)).toEqual([]);
    });
  });
}

afterAll(async () => {
  await mkdir(dirname(REPORT), { recursive: true });
  await writeFile(REPORT, redTeamReport(RUNS.map((r) => ({ id: r.id, label: r.label, results: results.get(r.id) })), notes));
});
