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
import { updateSettings } from './harness/settings.ts';

const HOSTS = ['news.example.com', 'api.deepseek.com', 'api.mistral.ai'];
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

  it('strict network mode removes every reporting header, whatever host it names', async () => {
    expect(await updateSettings(ext, { strictNetwork: true })).toMatchObject({ ok: true });
    expect(await reportsTo('api.mistral.ai')).toBe(0);
    expect(await updateSettings(ext, { strictNetwork: false })).toMatchObject({ ok: true });
    expect(await reportsTo('api.mistral.ai')).toBeGreaterThan(0);
  });
});
