import { describe, expect, it } from 'vitest';
import { database } from '../../src/core/database.ts';
import { pageWarning, type WarningInput, warningLockedOn, withDismissed } from '../../src/core/warning/page-warning.ts';
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
      offForSite: true,
    });
    expect(pageWarning(input({ mode: 'warn' }), tZh)?.text).toBe('DeepSeek（中国）：根据《中华人民共和国国家情报法》（第七条、第十四条），国家可以要求该公司交出您输入的内容。');
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
      offForSite: true,
    });
  });

  it('in warn mode also warns about a lower-risk service the lists name, with the decision', () => {
    const text = pageWarning(input({ mode: 'warn', blockedProviders: ['mistral'] }, { pageHost: 'chat.mistral.ai' }), tEn)?.text;
    expect(text).toBe('Mistral AI (France): warn mode lets this AI service through. You blocked Mistral AI.');
    expect(pageWarning(input({ mode: 'warn' }, { pageHost: 'chat.mistral.ai' }), tEn)).toBeUndefined();
  });

  it('an organization that locks the warning on overrules per-site dismissals, and offers no way to turn it off there', () => {
    const lockedOn: Policy = { showWarning: true, lockedSettings: ['showWarning'] };
    const dismissed = { dismissed: ['chat.deepseek.com'] };
    // Scenario (c) of docs/admin.md: still shown on a site the user turned it off on, without the button.
    expect(pageWarning(input({ mode: 'warn' }, dismissed, { ...lockedOn, mode: 'warn', lockedSettings: ['mode', 'showWarning'] }), tEn)).toMatchObject({ kind: 'risk', offForSite: false });
    expect(pageWarning(input({ mode: 'warn' }, {}, lockedOn), tEn)).toMatchObject({ kind: 'risk', offForSite: false });
    // The user's own showWarning: false does not count under the lock either.
    expect(pageWarning(input({ mode: 'warn', showWarning: false }, dismissed, lockedOn), tEn)).toMatchObject({ offForSite: false });
    // Set by the organization but not locked: the user's dismissal counts.
    expect(pageWarning(input({ mode: 'warn' }, dismissed, { showWarning: true }), tEn)).toBeUndefined();
    expect(pageWarning(input({ mode: 'warn' }, {}, { showWarning: true }), tEn)).toMatchObject({ offForSite: true });
    // Locked off: nothing anywhere, so nothing to overrule.
    expect(pageWarning(input({ mode: 'warn' }, {}, { showWarning: false, lockedSettings: ['showWarning'] }), tEn)).toBeUndefined();
    expect(warningLockedOn(effectiveSettings({}, lockedOn))).toBe(true);
    expect(warningLockedOn(effectiveSettings({}, { showWarning: false, lockedSettings: ['showWarning'] }))).toBe(false);
    expect(warningLockedOn(effectiveSettings({ showWarning: true }, { showWarning: true }))).toBe(false);
  });

  it('on a product page that was open when it was blocked: its requests fail from now on, and by whom', () => {
    // The page asks again when the settings change (bg-to-content/warning-changed), with trigger open.
    expect(pageWarning(input({ mode: 'block', blockedProviders: ['deepseek'] }), tEn)).toEqual({
      kind: 'blocked',
      text: "DeepSeek (China) is now blocked by you: this page's requests to it will fail, and reloading shows the block page.",
      offForSite: true,
    });
    expect(pageWarning(input({ mode: 'block', blockedProviders: ['deepseek'] }), tZh)?.text).toBe('DeepSeek（中国）现已被您拦截：此页面发往它的请求都会失败，重新加载后将显示拦截页面。');
    expect(pageWarning(input({ mode: 'block' }, {}, { blockedCountries: ['CN'] }), tEn)?.text).toMatch(/^DeepSeek \(China\) is now blocked by your organization:/);
    // A site block lets the page open but fails its AI requests, its own included: no block page on reload.
    expect(pageWarning(input({ mode: 'block', blockedSites: ['chat.deepseek.com'] }), tEn)).toMatchObject({ kind: 'blocked', text: "This page's AI requests to DeepSeek (China) are blocked by you: it may not work as expected." });
    // Allowed once from the block page: its requests go through, so no such claim.
    expect(pageWarning(input({ mode: 'block', blockedProviders: ['deepseek'] }, { allowedOnce: ['chat.deepseek.com'] }), tEn)).toBeUndefined();
    // Warn mode blocks nothing: the line says the lists name it and warn mode lets it through.
    expect(pageWarning(input({ mode: 'warn', blockedProviders: ['deepseek'] }), tEn)?.kind).toBe('risk');
    // Before the block (block mode, nothing blocked): the risk line.
    expect(pageWarning(input({ mode: 'block' }), tEn)?.kind).toBe('risk');
  });

  it('remembers dismissed sites, newest last, within a bound', () => {
    expect(withDismissed(['a.com', 'b.com'], 'A.com.', 3)).toEqual(['b.com', 'a.com']);
    expect(withDismissed(['a.com', 'b.com', 'c.com'], 'd.com', 3)).toEqual(['b.com', 'c.com', 'd.com']);
  });
});

describe('in-page warning: the organization’s approved tool', () => {
  const alternatives = [
    { name: 'Mistral only', url: 'https://m.example/', providers: ['mistral'] },
    { name: 'Contoso Copilot', url: 'https://copilot.contoso.example/', countries: ['CN'] },
  ];
  it('offers the first approved tool that fits the service the line is about, and none when none fits', () => {
    expect(pageWarning(input({ mode: 'warn' }, { alternatives }), tEn)).toMatchObject({ kind: 'risk', alternative: { name: 'Contoso Copilot', url: 'https://copilot.contoso.example/' } });
    const state = applySightings(tabOf('news.example.com'), [{ kind: 'request', host: 'api.deepseek.com', frameId: 0, channel: 'fetch', ...refOf('api.deepseek.com') }], 5);
    expect(pageWarning(input({ mode: 'block', blockedProviders: ['deepseek'] }, { pageHost: 'news.example.com', state, trigger: 'input', alternatives }), tEn)).toMatchObject({ kind: 'blocked', alternative: { name: 'Contoso Copilot' } });
    expect(pageWarning(input({ mode: 'warn' }, { alternatives: [alternatives[0]!] }), tEn)?.alternative).toBeUndefined();
    expect(pageWarning(input({ mode: 'warn' }), tEn)?.alternative).toBeUndefined();
  });
});

describe('in-page warning: the person’s own preferred tool', () => {
  const preferredTool = { name: 'Le Chat', url: 'https://chat.mistral.ai/' };
  it('is offered where the organization offers none, marked as the person’s own; the organization’s comes first', () => {
    expect(pageWarning(input({ mode: 'warn', preferredTool }), tEn)).toMatchObject({ kind: 'risk', alternative: { name: 'Le Chat', url: 'https://chat.mistral.ai/', mine: true } });
    const org = [{ name: 'Contoso Copilot', url: 'https://copilot.contoso.example/' }];
    expect(pageWarning(input({ mode: 'warn', preferredTool }, { alternatives: org }), tEn)?.alternative).toEqual({ name: 'Contoso Copilot', url: 'https://copilot.contoso.example/' });
  });
});
