import { describe, expect, it } from 'vitest';
import { database } from '../../src/core/database.ts';
import { pageWarning, type WarningInput, withDismissed } from '../../src/core/page-warning.ts';
import { effectiveSettings } from '../../src/core/policy-merge.ts';
import type { Policy, UserSettings } from '../../src/core/settings.ts';
import { applySightings } from '../../src/core/tab-state.ts';
import { refOf } from './helpers.ts';
import { tEn, tZh } from './locale.ts';
import { tabOf } from './helpers.ts';

function input(user: Partial<UserSettings>, over: Partial<WarningInput> = {}, policy: Policy = {}): WarningInput {
  return { settings: effectiveSettings(user, policy), db: database, pageHost: 'chat.deepseek.com', trigger: 'open', state: undefined, dismissed: [], ...over };
}

describe('in-page warning', () => {
  it('warns on opening a high-risk AI product in warn mode, naming provider, country and law articles', () => {
    expect(pageWarning(input({ mode: 'warn' }), tEn)).toEqual({
      kind: 'risk',
      text: 'DeepSeek (China): under the National Intelligence Law (Art. 7, Art. 14), the state can require the company to hand over what you type.',
    });
    expect(pageWarning(input({ mode: 'warn' }), tZh)?.text).toBe('DeepSeek（中国）：根据《National Intelligence Law》（Art. 7, Art. 14），国家可以要求该公司交出您输入的内容。');
  });

  it('says nothing in monitor mode, with showWarning off, on a dismissed site, or when the user allows the provider', () => {
    expect(pageWarning(input({ mode: 'monitor' }), tEn)).toBeUndefined();
    expect(pageWarning(input({ mode: 'warn', showWarning: false }), tEn)).toBeUndefined();
    expect(pageWarning(input({ mode: 'warn' }, {}, { showWarning: false, lockedSettings: ['showWarning'] }), tEn)).toBeUndefined();
    expect(pageWarning(input({ mode: 'warn' }, { dismissed: ['chat.deepseek.com'] }), tEn)).toBeUndefined();
    expect(pageWarning(input({ mode: 'warn', allowedProviders: ['deepseek'] }), tEn)).toBeUndefined();
  });

  it('warns about a service a page uses only once the user types, not on opening', () => {
    const state = applySightings(tabOf('news.example.com'), [{ kind: 'request', host: 'api.deepseek.com', frameId: 0, channel: 'fetch', ...refOf('api.deepseek.com') }], 5);
    const base = { pageHost: 'news.example.com', state } as const;
    expect(pageWarning(input({ mode: 'warn' }, { ...base, trigger: 'open' }), tEn)).toBeUndefined();
    expect(pageWarning(input({ mode: 'warn' }, { ...base, trigger: 'input' }), tEn)?.text).toMatch(/^DeepSeek \(China\): under the National Intelligence Law/);
    // Block mode: the page's requests to it are blocked, and the line says so and by whom.
    expect(pageWarning(input({ mode: 'block', blockedProviders: ['deepseek'] }, { ...base, trigger: 'input' }), tEn)).toEqual({
      kind: 'blocked',
      text: "This page's AI requests to DeepSeek (China) are blocked by you: it may not work as expected.",
    });
  });

  it('in warn mode also warns about a lower-risk service the lists name, with the decision', () => {
    const text = pageWarning(input({ mode: 'warn', blockedProviders: ['mistral'] }, { pageHost: 'chat.mistral.ai' }), tEn)?.text;
    expect(text).toBe('Mistral AI (France): warn mode lets this AI service through. You block Mistral AI.');
    expect(pageWarning(input({ mode: 'warn' }, { pageHost: 'chat.mistral.ai' }), tEn)).toBeUndefined();
  });

  it('remembers dismissed sites, newest last, within a bound', () => {
    expect(withDismissed(['a.com', 'b.com'], 'A.com.', 3)).toEqual(['b.com', 'a.com']);
    expect(withDismissed(['a.com', 'b.com', 'c.com'], 'd.com', 3)).toEqual(['b.com', 'c.com', 'd.com']);
  });
});
