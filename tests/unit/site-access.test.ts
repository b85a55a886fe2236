/**
 * The site-access notice (src/core/permissions): which withheld host permissions lead to which
 * notice, what it asks the browser for, and that its words exist in both languages.
 */
import { describe, expect, it } from 'vitest';
import { accessNotice, type HostAccess } from '../../src/core/permissions/access-notice.ts';
import { accessWords } from '../../src/core/permissions/access-words.ts';
import { sitePatternOf } from '../../src/core/permissions/site-pattern.ts';
import { locales, tEn, tZh } from './locale.ts';

const NEEDED = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];
const grants = (...missing: string[]): HostAccess => ({ needed: NEEDED, granted: Object.fromEntries(NEEDED.map((p) => [p, !missing.includes(p)])) });

describe('sitePatternOf', () => {
  it('gives the match pattern of a web page\'s site, without its port, path or query', () => {
    expect(sitePatternOf('https://chat.deepseek.com/a/b?q=1#x')).toBe('https://chat.deepseek.com/*');
    expect(sitePatternOf('http://chat.deepseek.com:43241/')).toBe('http://chat.deepseek.com/*');
    expect(sitePatternOf('http://[::1]:8080/')).toBe('http://[::1]/*');
  });

  it('gives nothing for pages no site access applies to', () => {
    for (const url of ['about:blank', 'moz-extension://abc/popup.html', 'chrome-extension://abc/popup.html', 'file:///tmp/a.html', 'data:text/html,hi', 'not a url', '']) {
      expect(sitePatternOf(url), url).toBeUndefined();
    }
  });
});

describe('accessNotice', () => {
  it('says nothing when every needed pattern is granted', () => {
    expect(accessNotice(grants())).toBeUndefined();
    expect(accessNotice({ ...grants(), site: { host: 'chat.deepseek.com', pattern: 'https://chat.deepseek.com/*', granted: true } })).toBeUndefined();
  });

  it('without a page (options): all websites withheld → a web notice asking for every missing pattern', () => {
    expect(accessNotice(grants(...NEEDED))).toEqual({ scope: 'web', request: NEEDED });
    expect(accessNotice(grants('https://*/*'))).toEqual({ scope: 'web', request: ['https://*/*'] });
  });

  it('a pattern the browser does not answer for counts as missing', () => {
    expect(accessNotice({ needed: NEEDED, granted: { 'http://*/*': true, 'https://*/*': true, 'ws://*/*': true } })).toEqual({ scope: 'sockets', request: ['wss://*/*'] });
  });

  it('only WebSocket patterns missing → a sockets notice', () => {
    expect(accessNotice(grants('ws://*/*', 'wss://*/*'))).toEqual({ scope: 'sockets', request: ['ws://*/*', 'wss://*/*'] });
  });

  it("with a page (popup): only that site counts; one not allowed gets a notice naming it, asking for all websites", () => {
    const site = { host: 'chat.deepseek.com', pattern: 'https://chat.deepseek.com/*' };
    expect(accessNotice({ ...grants(...NEEDED), site: { ...site, granted: false } })).toEqual({ scope: 'site', host: 'chat.deepseek.com', request: NEEDED });
    // Chrome's "on specific sites": this site allowed, the others not → nothing to say here.
    expect(accessNotice({ ...grants('http://*/*', 'https://*/*'), site: { ...site, granted: true } })).toBeUndefined();
    // Not granted although no manifest pattern is reported missing: ask for the site itself.
    expect(accessNotice({ ...grants(), site: { ...site, granted: false } })).toEqual({ scope: 'site', host: 'chat.deepseek.com', request: ['https://chat.deepseek.com/*'] });
  });

  it('a manifest with <all_urls> or *:// patterns counts them as websites', () => {
    expect(accessNotice({ needed: ['<all_urls>'], granted: { '<all_urls>': false } })).toEqual({ scope: 'web', request: ['<all_urls>'] });
    expect(accessNotice({ needed: ['*://*/*'], granted: {} })).toEqual({ scope: 'web', request: ['*://*/*'] });
  });
});

describe('accessWords', () => {
  it('names the site, what stops working, what still works, and the action, in English', () => {
    const words = accessWords({ scope: 'site', host: 'chat.deepseek.com', request: NEEDED }, tEn);
    expect(words.title).toBe('Not allowed to check chat.deepseek.com');
    expect(words.body).toContain('warn you in the page');
    expect(words.body).toContain('show the block page (a blocked AI site opens)');
    expect(words.body).toContain('Requests to services you block still fail.');
    expect(words.action).toBe('Allow on all websites');
    expect(accessWords({ scope: 'web', request: NEEDED }, tEn)).toMatchObject({ title: 'Not allowed to check all websites', action: 'Allow on all websites' });
    expect(accessWords({ scope: 'sockets', request: ['ws://*/*'] }, tEn)).toMatchObject({ title: 'Not allowed to see WebSocket connections', action: 'Allow WebSocket access' });
  });

  it('has every word in Simplified Chinese too', () => {
    for (const scope of ['site', 'web', 'sockets'] as const) {
      const zh = accessWords({ scope, host: 'chat.deepseek.com', request: NEEDED }, tZh);
      for (const text of Object.values(zh)) expect(text).toMatch(/\p{Script=Han}/u);
    }
    expect(accessWords({ scope: 'site', host: 'chat.deepseek.com', request: NEEDED }, tZh).title).toBe('无权检查 chat.deepseek.com');
    const keys = (lang: string) => Object.keys(locales[lang]!).filter((k) => k.startsWith('access')).sort();
    expect(keys('zh_CN')).toEqual(keys('en'));
    expect(keys('en').length).toBeGreaterThanOrEqual(11);
  });
});
