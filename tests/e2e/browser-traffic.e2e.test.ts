/**
 * Traffic the browser itself makes on a page's behalf, which declarativeNetRequest's block rules
 * never see (issue 16): reporting uploads named by response headers, FedCM, payment-method
 * manifests and WebRTC servers. Each case: with nothing blocked the upload or request arrives at
 * the fixture server (positive control); with the host blocked nothing arrives, while the same
 * technique to an unblocked host still does.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { openOptions, screenshot } from './harness/extension.ts';
import { getSettings, updateSettings } from './harness/settings.ts';

const HOSTS = ['news.example.com', 'api.deepseek.com', 'deepseek.com', 'api.mistral.ai', 'mistral.ai'];
const NOTHING_BLOCKED = { blockedProviders: [], blockedCountries: [], blockedSites: [], allowedProviders: [], allowedCountries: [], allowedSites: [], blockLevel: 'off', mode: 'block', strictNetwork: false };

describe('traffic the browser makes for a page', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    // Reports are sent after ~100 ms instead of a minute (Chromium's switch for tests).
    ext = await launchExtension({ hosts: HOSTS, args: ['--short-reporting-delay', '--ignore-certificate-errors'] });
    for (const host of ['api.deepseek.com', 'api.mistral.ai']) {
      ext.server.route(host, '/reports', (_req, res) => {
        // Reports go cross-origin with a CORS preflight.
        res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': 'POST' });
        res.end();
      });
    }
    // A page whose CSP is violated at once, sending its report to the endpoint its header names.
    ext.server.route('news.example.com', '/csp', (req, res) => {
      const to = new URL(req.url ?? '/', 'https://news.example.com').searchParams.get('to') ?? 'api.mistral.ai';
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'reporting-endpoints': `csp="https://${to}/reports"`,
        'content-security-policy': "img-src 'none'; report-to csp",
      });
      res.end('<!doctype html><title>CSP report</title><p>Notes: meeting at 10.</p><img src="/secret-note.png" alt="">');
    });
  });
  afterAll(async () => {
    await ext?.close();
  });
  beforeEach(async () => {
    expect(await updateSettings(ext, NOTHING_BLOCKED)).toMatchObject({ ok: true });
  });

  /** Opens the page reporting to `to`; returns the report uploads (preflights too) `to` received within `ms`. */
  async function reportsTo(to: string, ms = 3000): Promise<number> {
    const before = ext.server.requests.length;
    const page: Page = await ext.newPage();
    await page.goto(`https://news.example.com/csp?to=${to}&n=${before}`);
    const count = () => ext.server.requests.slice(before).filter((r) => r.host === to && r.path === '/reports').length;
    const until = Date.now() + ms;
    while (Date.now() < until && count() === 0) await page.waitForTimeout(100);
    await page.close();
    return count();
  }

  it('a reporting endpoint on a blocked host gets no report; one on an unblocked host still does', async () => {
    // Positive control: nothing blocked, the browser uploads the CSP report to DeepSeek.
    expect(await reportsTo('api.deepseek.com')).toBeGreaterThan(0);
    expect(await updateSettings(ext, { blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    expect(await reportsTo('api.deepseek.com')).toBe(0);
    expect(await reportsTo('api.mistral.ai')).toBeGreaterThan(0);
    // A country block does the same.
    expect(await updateSettings(ext, { blockedProviders: [], blockedCountries: ['CN'] })).toMatchObject({ ok: true });
    expect(await reportsTo('api.deepseek.com')).toBe(0);
  });

  it('strict network mode in the options page: turned on with a click, it says what it still needs to turn prediction off', async () => {
    const options = await openOptions(ext);
    const field = options.locator('[data-setting="strictNetwork"]');
    await field.scrollIntoViewIfNeeded();
    expect(await field.locator('input[type=checkbox]').isChecked()).toBe(false);
    await field.locator('input[type=checkbox]').click();
    await expect.poll(async () => (await getSettings(ext)).settings.strictNetwork).toBe(true);
    // The optional permission was not granted here: the page says so and offers to ask again.
    await expect.poll(() => field.locator('[data-prediction="no-permission"]').count(), { timeout: 5000 }).toBe(1);
    expect(await field.locator('[data-prediction="no-permission"] button').innerText()).toBe('Allow');
    await screenshot(options, 'options-strict-network');
    await field.locator('input[type=checkbox]').click();
    await expect.poll(async () => (await getSettings(ext)).settings.strictNetwork).toBe(false);
    await options.close();
  });

  it('strict network mode removes every reporting header, whatever host it names', async () => {
    expect(await updateSettings(ext, { strictNetwork: true })).toMatchObject({ ok: true });
    expect(await reportsTo('api.mistral.ai')).toBe(0);
    expect(await updateSettings(ext, { strictNetwork: false })).toMatchObject({ ok: true });
    expect(await reportsTo('api.mistral.ai')).toBeGreaterThan(0);
  });

  /** What `to` (and its registrable domain) received while `run` ran in a page, and what the page saw. */
  async function inPage(to: string, run: string): Promise<{ seen: string; received: string[] }> {
    const page: Page = await ext.newPage();
    await page.goto('https://news.example.com/outbound.html');
    const before = ext.server.requests.length;
    const seen = await page.evaluate(run);
    await page.waitForTimeout(700);
    const domain = to.split('.').slice(-2).join('.');
    const received = ext.server.requests.slice(before).filter((r) => r.host === domain || r.host.endsWith(`.${domain}`)).map((r) => `${r.method} ${r.host}${r.path.split('?')[0]}`);
    await page.close();
    return { seen: String(seen), received };
  }

  // Chrome may keep a FedCM request open (its own UI, its own timers): the page's answer is taken
  // within 5 s, or "pending".
  const fedcm = (host: string) =>
    `Promise.race([navigator.credentials.get({ identity: { providers: [{ configURL: 'https://${host}/fedcm.json?note=meeting-at-10', clientId: 'notes' }] } }).then(String, (e) => e.name + ': ' + e.message), new Promise((ok) => setTimeout(() => ok('pending'), 5000))])`;

  it('FedCM naming a blocked identity provider fetches nothing from it and fails as an unreachable provider does', async () => {
    // Positive control: nothing blocked, the browser fetches the well-known file and the config.
    const open = await inPage('api.deepseek.com', fedcm('api.deepseek.com'));
    expect(open.received).toEqual(expect.arrayContaining(['GET deepseek.com/.well-known/web-identity']));
    expect(await updateSettings(ext, { blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    const blocked = await inPage('api.deepseek.com', fedcm('api.deepseek.com'));
    // At once, with what Chrome answers for a provider whose files cannot be used.
    expect(blocked).toEqual({ seen: 'NetworkError: Error retrieving a token.', received: [] });
    // The same call to an unblocked provider still goes out.
    expect((await inPage('api.mistral.ai', fedcm('api.mistral.ai'))).received.length).toBeGreaterThan(0);
  });

  const payment = (host: string) => `(() => {
    const request = new PaymentRequest([{ supportedMethods: 'https://${host}/pay?note=meeting-at-10' }], { total: { label: 'Notes', amount: { currency: 'USD', value: '1' } } });
    return request.canMakePayment().then((can) => 'can pay: ' + can, (e) => e.name);
  })()`;

  it("a payment method on a blocked host: the browser fetches no manifest from it; the page's request still constructs", async () => {
    const open = await inPage('api.deepseek.com', payment('api.deepseek.com'));
    expect(open.received).toEqual(['HEAD api.deepseek.com/pay']);
    expect(await updateSettings(ext, { blockedCountries: ['CN'] })).toMatchObject({ ok: true });
    expect(await inPage('api.deepseek.com', payment('api.deepseek.com'))).toEqual({ seen: 'can pay: false', received: [] });
    expect((await inPage('api.mistral.ai', payment('api.mistral.ai'))).received).toEqual(['HEAD api.mistral.ai/pay']);
  });

  const rtc = `(() => {
    const pc = new RTCPeerConnection({ iceServers: [{ urls: ['turn:turn.deepseek.com:3478?transport=tcp', 'stun:stun.mistral.ai:3478'], username: 'u', credential: 'c' }] });
    const first = pc.getConfiguration().iceServers.flatMap((s) => [].concat(s.urls));
    pc.setConfiguration({ iceServers: [{ urls: 'turns:relay.deepseek.com:443', username: 'u', credential: 'c' }] });
    const second = pc.getConfiguration().iceServers.flatMap((s) => [].concat(s.urls));
    pc.close();
    return JSON.stringify([first, second]);
  })()`;

  it('WebRTC servers on a blocked host are left out of the connection (constructor and setConfiguration); others stay', async () => {
    const open = await inPage('api.deepseek.com', rtc);
    expect(JSON.parse(open.seen)).toEqual([['turn:turn.deepseek.com:3478?transport=tcp', 'stun:stun.mistral.ai:3478'], ['turns:relay.deepseek.com:443']]);
    expect(await updateSettings(ext, { blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    const blocked = await inPage('api.deepseek.com', rtc);
    expect(JSON.parse(blocked.seen)).toEqual([['stun:stun.mistral.ai:3478'], []]);
  });
});

