/**
 * The pure logic behind the popup's actions (src/core/block-actions/): what a country block
 * covers, which services on a tab are blocked now, the badge of a blocked tab, the pause's
 * session rules against the compiled block rules, the advice line, and the status lines.
 */
import { describe, expect, it } from 'vitest';
import { adviceFor } from '../../src/core/block-actions/advice.ts';
import { countryReach } from '../../src/core/block-actions/country-reach.ts';
import { isPaused, livePauses, MAX_PAUSED_SITES, nextPauseEnd, PAUSE_MS, pauseEnd, pauseRefusal, pauseSessionRules } from '../../src/core/block-actions/pause.ts';
import { providerBlocks, tabBlockState } from '../../src/core/block-actions/tab-blocks.ts';
import { BLOCKED_BADGE_COLOR, badgeFor } from '../../src/core/badge.ts';
import { decide } from '../../src/core/block-decision.ts';
import { compileBlockRules } from '../../src/core/block-rules.ts';
import { MAX_BLOCKED_COUNT, PAUSE_RULE_IDS } from '../../src/core/constants.ts';
import { database } from '../../src/core/database.ts';
import { effectiveSettings } from '../../src/core/policy-merge.ts';
import { blockStatusLine } from '../../src/core/rule-words.ts';
import type { Policy, UserSettings } from '../../src/core/settings.ts';
import { applyBlockedRequest, applyBlockPage, applyTopDocument } from '../../src/core/tab-state.ts';
import { describeFindings } from '../../src/core/facts.ts';
import { isStopped, simulate } from './dnr-simulator.ts';
import { describedTab, refOf } from './helpers.ts';
import { tEn, tZh } from './locale.ts';

const settingsOf = (user: Partial<UserSettings>, policy: Policy = {}) => effectiveSettings({ mode: 'block', ...user }, policy);

describe('country reach', () => {
  it('counts every service that a country block covers, by the rule the browser rules use', () => {
    const reach = countryReach(database, 'US');
    // Independently: a provider counts when the decision for one of its hosts is the country block.
    const settings = settingsOf({ blockedCountries: ['US'] });
    const covered = database.providers.filter((p) => p.products.some((product) => product.hosts.some((h) => !h.host.includes('*') && decide(settings, database, { host: h.host, navigation: true }).outcome === 'block')));
    expect(reach.count).toBe(covered.length);
    expect(reach.count).toBeGreaterThan(20);
    expect(reach.examples).toHaveLength(3);
    // A service with its data (not its company) in the country counts, as it does for blocking.
    const cn = countryReach(database, 'CN');
    expect(cn.count).toBeLessThan(reach.count);
    expect(countryReach(database, 'ZZ')).toEqual({ count: 0, examples: [] });
  });

  it('names the services the user is looking at first', () => {
    expect(countryReach(database, 'US', ['openrouter']).examples[0]).toBe('OpenRouter');
    expect(countryReach(database, 'CN', ['deepseek']).examples[0]).toBe('DeepSeek');
  });
});

describe('what is blocked on a tab', () => {
  const tab = describedTab('news.example', 'chat.deepseek.com', 'chat.mistral.ai');

  it('says per provider which decision blocks it, and whether everything is blocked', () => {
    const some = tabBlockState(tab, settingsOf({ blockedProviders: ['deepseek'] }), database, 'news.example');
    expect(some.blocked.map((b) => b.key)).toEqual(['deepseek']);
    expect(some.all).toBe(false);
    const all = tabBlockState(tab, settingsOf({ blockedSites: ['news.example'] }), database, 'news.example');
    expect(all.blocked.map((b) => b.key).sort()).toEqual(['deepseek', 'mistral']);
    expect(all.all).toBe(true);
  });

  it('counts nothing as blocked outside block mode, and lifts only the user’s decisions on a paused site', () => {
    expect(tabBlockState(tab, settingsOf({ blockedProviders: ['deepseek'], mode: 'warn' }), database, 'news.example').blocked).toEqual([]);
    // The decision is still known (the popup says "warn mode lets it through").
    expect(providerBlocks(tab, settingsOf({ blockedProviders: ['deepseek'], mode: 'warn' }), database, 'news.example')).toHaveLength(1);
    expect(tabBlockState(tab, settingsOf({ blockedProviders: ['deepseek'] }), database, 'news.example', true).blocked).toEqual([]);
    const org = tabBlockState(tab, settingsOf({ blockedProviders: ['mistral'] }, { blockedProviders: ['deepseek'] }), database, 'news.example', true);
    expect(org.blocked.map((b) => b.key)).toEqual(['deepseek']);
  });
});

describe('badge of a blocked tab', () => {
  const deepseek = describedTab('chat.deepseek.com');

  it('says blocked, not the risk level, when everything on the tab is blocked, and names it in the tooltip', () => {
    const badge = badgeFor(deepseek, tEn, { blocked: ['deepseek'], all: true, requests: 3 });
    expect(badge).toEqual({ text: '⛔', color: BLOCKED_BADGE_COLOR, title: 'AI Jurisdiction Guard: blocked on this page: DeepSeek (China). Requests blocked on this tab: 3.' });
    expect(badgeFor(deepseek, tZh, { blocked: ['deepseek'], all: true, requests: 0 }).title).toBe(`${tZh('extName')}：本页面已拦截：DeepSeek（中国）。`);
  });

  it('shows the level of what still goes through when only some is blocked', () => {
    const mixed = describedTab('chat.mistral.ai', 'chat.deepseek.com');
    const badge = badgeFor(mixed, tEn, { blocked: ['deepseek'], all: false, requests: 1 });
    expect(badge.text).toBe('LOW');
    expect(badge.title).toBe('AI Jurisdiction Guard: Low risk. AI on this page: Mistral AI (France). Blocked: DeepSeek (China). Requests blocked on this tab: 1.');
    // Nothing blocked: as before.
    expect(badgeFor(mixed, tEn, { blocked: [], all: false, requests: 0 }).text).toBe('HIGH');
  });
});

describe('tab state of blocks', () => {
  it('counts blocked requests per page, bounded, and starts over on a new page', () => {
    let state = applyTopDocument(undefined, { tabId: 4, url: 'https://app.example/', documentId: 'A' });
    state = applyBlockedRequest(applyBlockedRequest(state, 4), 4);
    expect(state.blocked).toBe(2);
    expect(applyTopDocument(state, { tabId: 4, url: 'https://app.example/', documentId: 'A' }).blocked).toBe(2);
    expect(applyTopDocument(state, { tabId: 4, url: 'https://app.example/next', documentId: 'B' }).blocked).toBeUndefined();
    expect(applyBlockedRequest({ ...state, blocked: MAX_BLOCKED_COUNT }, 4).blocked).toBe(MAX_BLOCKED_COUNT);
    expect(applyBlockedRequest(undefined, 9)).toEqual({ tabId: 9, findings: [], blocked: 1 });
  });

  it('gives the block page’s tab the blocked product as its page, so badge and popup say what is blocked', () => {
    const state = applyBlockPage({ tabId: 5, url: 'https://chat.deepseek.com/', host: 'chat.deepseek.com', documentId: 'X' }, refOf('chat.deepseek.com'), 10);
    expect(state).toMatchObject({ tabId: 5, url: 'https://chat.deepseek.com/', blockPage: true, blocked: 1 });
    expect(state.findings.map((f) => [f.kind, f.providerId])).toEqual([['site', 'deepseek']]);
    const badge = badgeFor(describeFindings(database, state, tEn), tEn, { blocked: [], all: true, requests: 1 });
    expect(badge.text).toBe('⛔');
    expect(badge.title).toContain('DeepSeek (China)');
    // The next page is an ordinary one again.
    expect(applyTopDocument(state, { tabId: 5, url: 'https://news.example/', documentId: 'Y' }).blockPage).toBeUndefined();
  });
});

describe('pause on this site', () => {
  const page = 'https://news.example/';
  const fromPage = (url: string) => ({ url, type: 'xmlhttprequest' as const, initiator: page, pageUrl: page });

  it('is offered in block mode where the organization allows bypassing, and not on a site the organization blocks', () => {
    expect(pauseRefusal(settingsOf({}), 'news.example')).toBeUndefined();
    expect(pauseRefusal(settingsOf({ mode: 'warn' }), 'news.example')).toBe('nothing is blocked outside block and justify modes');
    expect(pauseRefusal(settingsOf({}, { allowBypass: false }), 'news.example')).toBe('the organization does not allow bypassing blocks');
    expect(pauseRefusal(settingsOf({}, { blockedSites: ['example'] }), 'news.example')).toBe("the organization blocks this site's AI traffic");
  });

  it('lifts every block of the user’s for the site’s pages, and none of the organization’s', () => {
    const settings = settingsOf({ blockedProviders: ['deepseek'], blockedCountries: ['US'], blockedSites: ['news.example'], blockLevel: 'low' }, { blockedProviders: ['mistral'] });
    const dynamic = compileBlockRules(settings, database, 'chrome-extension://x/blocked.html').rules;
    const pause = pauseSessionRules({ 'news.example': Date.now() + PAUSE_MS });
    const rules = [...dynamic, ...pause];
    for (const url of ['https://api.deepseek.com/chat/completions', 'https://api.openai.com/v1/chat/completions']) {
      expect(isStopped(simulate(dynamic, fromPage(url)))).toBe(true);
      expect(isStopped(simulate(rules, fromPage(url)))).toBe(false);
    }
    // The organization's block holds through the pause.
    expect(isStopped(simulate(rules, fromPage('https://api.mistral.ai/v1/chat/completions')))).toBe(true);
    // Frames on the paused site's pages too (allowAllRequests on its top document), and its own navigation.
    expect(isStopped(simulate(rules, { url: 'https://api.deepseek.com/x', type: 'xmlhttprequest', initiator: 'https://widget.example', pageUrl: page, frameUrls: ['https://widget.example/'] }))).toBe(false);
    // Another site stays blocked.
    expect(isStopped(simulate(rules, { ...fromPage('https://api.deepseek.com/x'), initiator: 'https://other.example/', pageUrl: 'https://other.example/' }))).toBe(true);
  });

  it('keeps only pauses that still run and are allowed, with rule IDs in their own range', () => {
    const now = 1_000_000;
    const settings = settingsOf({});
    expect(livePauses({ 'a.example': now + 5, 'b.example': now - 1 }, settings, now)).toEqual({ 'a.example': now + 5 });
    // Forbidding bypass withdraws every pause.
    expect(livePauses({ 'a.example': now + 5 }, settingsOf({}, { allowBypass: false }), now)).toEqual({});
    const many = Object.fromEntries(Array.from({ length: MAX_PAUSED_SITES + 10 }, (_, i) => [`s${i}.example`, now + i + 1]));
    const live = livePauses(many, settings, now);
    expect(Object.keys(live)).toHaveLength(MAX_PAUSED_SITES);
    const ids = pauseSessionRules(live).map((r) => r.id);
    expect(Math.min(...ids)).toBe(PAUSE_RULE_IDS.first);
    expect(Math.max(...ids)).toBeLessThanOrEqual(PAUSE_RULE_IDS.last);
    expect(nextPauseEnd({ a: now + 9, b: now + 3 })).toBe(now + 3);
    expect(nextPauseEnd({})).toBeUndefined();
  });

  it('covers the site and its subdomains until it ends', () => {
    const pauses = { 'example.com': 100 };
    expect(isPaused(pauses, 'app.example.com', 50)).toBe(true);
    expect(pauseEnd(pauses, 'example.com', 50)).toBe(100);
    expect(isPaused(pauses, 'app.example.com', 100)).toBe(false);
    expect(isPaused(pauses, 'notexample.com', 50)).toBe(false);
  });
});

describe('what the user can do', () => {
  it('advises a Low-rated service or a block while a risky service goes through, and nothing otherwise', () => {
    expect(adviceFor('high')).toEqual({ kind: 'use-low' });
    expect(adviceFor('unknown')).toEqual({ kind: 'use-low' });
    expect(adviceFor('low')).toBeUndefined();
    expect(adviceFor(undefined)).toBeUndefined();
    // Where the organization names approved tools (not settable yet), the line names them instead.
    expect(adviceFor('high', ['Copilot'])).toEqual({ kind: 'approved', tools: ['Copilot'] });
    expect(tEn('popAdviceUseLow')).toBe('What you can do: use a service rated Low, or block this one.');
  });
});

describe('block status lines', () => {
  it('read as a state, in both languages, without repeating the service the card names', () => {
    expect(blockStatusLine({ tier: 'user', scope: 'provider' }, 'deepseek', tEn)).toBe('Blocked by you.');
    expect(blockStatusLine({ tier: 'org', scope: 'provider' }, 'deepseek', tEn)).toBe('Blocked by your organization.');
    expect(blockStatusLine({ tier: 'user', scope: 'site' }, 'news.example.com', tEn)).toBe('Blocked by you: AI services on news.example.com.');
    expect(blockStatusLine({ tier: 'user', scope: 'country' }, 'CN', tEn)).toBe('Blocked by you: AI services with a company or data in China.');
    expect(blockStatusLine({ tier: 'org', scope: 'level' }, 'medium', tEn)).toBe('Blocked by your organization: every AI service at medium or high risk.');
    expect(blockStatusLine({ tier: 'user', scope: 'provider' }, 'deepseek', tZh)).toBe('已由您拦截。');
    expect(blockStatusLine({ tier: 'user', scope: 'country' }, 'CN', tZh)).toBe('已由您拦截：公司或数据位于中国的 AI 服务。');
    expect(blockStatusLine({ tier: 'org', scope: 'site' }, 'news.example.com', tZh)).toBe('已由您的组织拦截：news.example.com 上的 AI 服务。');
  });

  it('put no space between a Chinese verb and a Chinese placeholder', () => {
    expect(tZh('popBlock', ['中国'])).toBe('拦截中国');
    expect(tZh('popUnblock', ['中国'])).toBe('取消拦截中国');
  });
});
