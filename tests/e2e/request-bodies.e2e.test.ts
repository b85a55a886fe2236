/**
 * The model a request names, read from every kind of body client libraries send (issue 17), in
 * real Chromium with the built extension: a Request object (built, wrapped in another Request,
 * cloned, subclassed, with init overriding its body), a Blob or File (whole, or built from
 * strings, Blobs, bytes and views), URLSearchParams and form-encoded text, typed arrays and
 * DataViews, through fetch and XMLHttpRequest (and beacons of a Blob or URLSearchParams). For each form: the page hook reports the model
 * (the tab's finding carries it with the hook's channel, not only the network observer's), a
 * request naming a blocked builder's model is stopped before it leaves, and the same request
 * naming another model arrives with exactly the bytes the page sent.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/tab-state.ts';
import { serveFakeAi } from './harness/ai-api.ts';
import { type ExtensionBrowser, launchExtension } from './harness/browser.ts';
import { openPopup, tabIdOf, tabState } from './harness/extension.ts';
import { updateSettings } from './harness/settings.ts';

const HOSTS = ['app.example.com', 'openrouter.ai'];
const OPENROUTER = 'https://openrouter.ai/api/v1/chat/completions';
const NOTHING_BLOCKED = { blockedProviders: [], blockedCountries: [], blockedSites: [], allowedProviders: [], allowedCountries: [], allowedSites: [], blockedModelBuilders: [], blockedModelOrigins: [], blockLevel: 'off', mode: 'block' };
const BLOCKED = 'deepseek/deepseek-chat';
const ALLOWED = 'openai/gpt-4o';
/** Every form the fixture page (app.example.com/bodies.html) sends. */
const FETCH_FORMS = [
  'request', 'request-of-request', 'request-clone', 'request-clone-after-read', 'request-subclass', 'request-init-body',
  'request-arraybuffer', 'request-blob', 'request-params', 'blob', 'blob-parts', 'file', 'params', 'form-string', 'uint8array', 'dataview',
] as const;
const XHR_FORMS = ['xhr-blob', 'xhr-file', 'xhr-params', 'xhr-form-string', 'xhr-uint8array'] as const;
type Form = (typeof FETCH_FORMS)[number] | (typeof XHR_FORMS)[number];
const isXhr = (form: Form) => form.startsWith('xhr-');

describe('the model is read from every kind of request body', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension({ hosts: HOSTS });
    serveFakeAi(ext.server, 'openrouter.ai');
  });
  afterAll(async () => {
    await ext?.close();
  });
  beforeEach(async () => {
    expect(await updateSettings(ext, NOTHING_BLOCKED)).toMatchObject({ ok: true });
  });

  async function bodiesPage(): Promise<Page> {
    const page = await ext.newPage();
    await page.goto('https://app.example.com/bodies.html');
    return page;
  }

  /** What the page saw, and the bodies of the POSTs the server received for this one request. */
  async function ask(page: Page, form: Form, model: string) {
    const before = ext.server.requests.length;
    const { seen, sent } = await page.evaluate(([fn, f, u, m]) => (window as any)[fn!](f, u, m) as Promise<{ seen: string; sent: string }>, [isXhr(form) ? 'askXhr' : 'ask', form, OPENROUTER, model] as const);
    const received = ext.server.requests.slice(before).filter((r) => r.host === 'openrouter.ai' && r.method === 'POST').map((r) => r.body);
    return { seen, sent, received };
  }

  it('the fixture page sends every form the test knows', async () => {
    const page = await bodiesPage();
    expect(await page.evaluate(() => (window as any).forms)).toEqual([...FETCH_FORMS, ...XHR_FORMS]);
    await page.close();
  });

  it('the page hook reports the model of each form, and the popup names it', async () => {
    const page = await bodiesPage();
    const tabId = await tabIdOf(ext, page);
    const modelOf = (form: Form) => `openai/gpt-4o-${form}`;
    for (const form of [...FETCH_FORMS, ...XHR_FORMS]) {
      const { seen, sent, received } = await ask(page, form, modelOf(form));
      expect(seen, form).toBe('ok 200');
      expect(received, form).toEqual([sent]);
    }
    const hookSaw = (findings: Finding[], form: Form) =>
      findings.some((f) => f.kind === 'request' && f.host === 'openrouter.ai' && f.model === modelOf(form) && f.via.includes(isXhr(form) ? 'xhr' : 'fetch'));
    for (const form of [...FETCH_FORMS, ...XHR_FORMS]) {
      await expect.poll(async () => hookSaw((await tabState(ext, tabId))?.findings ?? [], form), { timeout: 5000, message: form }).toBe(true);
    }
    // Beacons: a Blob of JSON and URLSearchParams.
    for (const form of ['beacon-blob', 'beacon-params']) {
      expect(await page.evaluate(([f, u, m]) => (window as any).askBeacon(f, u, m) as string, [form, OPENROUTER, `openai/gpt-4o-${form}`] as const), form).toBe('true');
      await expect
        .poll(async () => ((await tabState(ext, tabId))?.findings ?? []).some((f) => f.model === `openai/gpt-4o-${form}` && f.via.includes('beacon')), { timeout: 5000, message: form })
        .toBe(true);
    }
    // The Request's own body was overridden by init's: its model was never sent, so never reported.
    const findings = (await tabState(ext, tabId))?.findings ?? [];
    expect(findings.some((f) => f.model === 'openai/gpt-4o-mini')).toBe(false);
    const popup = await openPopup(ext, tabId);
    const card = popup.locator('article.card[data-provider="openrouter"]');
    await expect.poll(() => card.locator('[data-model="openai/gpt-4o-request-blob"]').count()).toBe(1);
    await popup.close();
    await page.close();
  });

  it.each([...FETCH_FORMS, ...XHR_FORMS])('%s: a blocked builder’s model is stopped; another model arrives with its body intact', async (form) => {
    const page = await bodiesPage();
    // Positive control: nothing blocked, the same request arrives, byte for byte.
    const control = await ask(page, form, BLOCKED);
    expect(control.seen).toBe('ok 200');
    expect(control.received).toEqual([control.sent]);
    expect(control.sent).toContain(form.includes('params') || form.includes('form-string') ? 'deepseek%2Fdeepseek-chat' : BLOCKED);
    expect(await updateSettings(ext, { blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    await page.reload();
    const stopped = await ask(page, form, BLOCKED);
    expect(stopped.seen).toBe(isXhr(form) ? 'failed xhr error (readyState 4, status 0)' : 'failed TypeError: Failed to fetch');
    expect(stopped.received).toEqual([]);
    const passed = await ask(page, form, ALLOWED);
    expect(passed.seen).toBe('ok 200');
    expect(passed.received).toEqual([passed.sent]);
    await page.close();
  });

  it('fetch(request, init) sends init’s body: a blocked model only in the Request’s own body does not stop it', async () => {
    expect(await updateSettings(ext, { blockedProviders: ['deepseek'] })).toMatchObject({ ok: true });
    const page = await bodiesPage();
    const before = ext.server.requests.length;
    const seen = await page.evaluate(async (url) => {
      const chat = (model: string) => JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] });
      const request = new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chat('deepseek/deepseek-chat') });
      return fetch(request, { body: chat('openai/gpt-4o') }).then((r) => `ok ${r.status}`, (e) => `failed ${e}`);
    }, OPENROUTER);
    expect(seen).toBe('ok 200');
    const received = ext.server.requests.slice(before).filter((r) => r.host === 'openrouter.ai' && r.method === 'POST');
    expect(received.map((r) => JSON.parse(r.body).model)).toEqual(['openai/gpt-4o']);
    await page.close();
  });
});
