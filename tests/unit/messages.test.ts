import { describe, expect, it } from 'vitest';
import { parseContentToBg, parseUiToBg } from '../../src/core/messages.ts';

const doc = '0123456789abcdef0123456789abcdef';

describe('content → background messages', () => {
  it('accepts a well-formed page-seen', () => {
    expect(parseContentToBg({ type: 'content-to-bg/page-seen', doc })).toEqual({ ok: true, message: { type: 'content-to-bg/page-seen', doc } });
  });

  it('accepts a well-formed page-left', () => {
    expect(parseContentToBg({ type: 'content-to-bg/page-left', doc })).toEqual({ ok: true, message: { type: 'content-to-bg/page-left', doc } });
  });

  it.each([
    [null, 'message is not an object'],
    ['content-to-bg/page-seen', 'message is not an object'],
    [[], 'message is not an object'],
    [{ type: 'ui-to-bg/get-tab-state', tabId: 1 }, 'unknown content message type "ui-to-bg/get-tab-state"'],
    [{ type: 'content-to-bg/page-seen', doc, settings: { mode: 'off' } }, 'unexpected field "settings"'],
    // The page URL comes from the browser (sender.url), never from the message.
    [{ type: 'content-to-bg/page-seen', doc, url: 'https://chat.deepseek.com/' }, 'unexpected field "url"'],
    [{ type: 'content-to-bg/page-seen' }, 'doc must be 32 hex digits'],
    [{ type: 'content-to-bg/page-seen', doc: doc.toUpperCase() }, 'doc must be 32 hex digits'],
    [{ type: 'content-to-bg/page-left', doc: 'x'.repeat(10_000) }, 'doc must be 32 hex digits'],
    [{ type: 'content-to-bg/page-left', doc, url: 'https://a.b/' }, 'unexpected field "url"'],
  ])('refuses %j', (raw, error) => {
    expect(parseContentToBg(raw)).toEqual({ ok: false, error });
  });

  it('keeps error messages short when the page sends huge values', () => {
    const result = parseContentToBg({ type: 'x'.repeat(1_000_000) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.length).toBeLessThan(120);
  });
});

describe('UI → background messages', () => {
  it('accepts a tab query', () => {
    expect(parseUiToBg({ type: 'ui-to-bg/get-tab-state', tabId: 7 })).toEqual({ ok: true, message: { type: 'ui-to-bg/get-tab-state', tabId: 7 } });
  });
  it.each([-1, 1.5, '7', Number.NaN, 2 ** 60])('refuses tabId %s', (tabId) => {
    expect(parseUiToBg({ type: 'ui-to-bg/get-tab-state', tabId }).ok).toBe(false);
  });
});

describe('in-page warning and allow-once messages', () => {
  it('accepts the warning messages of a content script, with a known trigger only', () => {
    expect(parseContentToBg({ type: 'content-to-bg/get-warning', doc, trigger: 'input' })).toEqual({ ok: true, message: { type: 'content-to-bg/get-warning', doc, trigger: 'input' } });
    expect(parseContentToBg({ type: 'content-to-bg/dismiss-warning', doc })).toEqual({ ok: true, message: { type: 'content-to-bg/dismiss-warning', doc } });
    expect(parseContentToBg({ type: 'content-to-bg/get-warning', doc, trigger: 'always' })).toEqual({ ok: false, error: 'trigger must be one of open, input' });
    // The site to dismiss is the sender's, never one the message names.
    expect(parseContentToBg({ type: 'content-to-bg/dismiss-warning', doc, host: 'other.example' })).toEqual({ ok: false, error: 'unexpected field "host"' });
  });

  it('refuses allow-once from a content script, and anything but an http(s) address from the block page', () => {
    expect(parseContentToBg({ type: 'ui-to-bg/allow-once', url: 'https://chat.deepseek.com/' })).toEqual({ ok: false, error: 'unknown content message type "ui-to-bg/allow-once"' });
    expect(parseUiToBg({ type: 'ui-to-bg/allow-once', url: 'https://chat.deepseek.com/' })).toEqual({ ok: true, message: { type: 'ui-to-bg/allow-once', url: 'https://chat.deepseek.com/' } });
    expect(parseUiToBg({ type: 'ui-to-bg/allow-once', url: 'javascript:alert(1)' })).toEqual({ ok: false, error: 'url must be an http(s) address' });
    expect(parseUiToBg({ type: 'ui-to-bg/allow-once', url: `https://a.example/${'x'.repeat(9000)}` })).toEqual({ ok: false, error: 'url must be an http(s) address' });
  });
});
