import { describe, expect, it } from 'vitest';
import { countryName, isKnownCountryCode } from '../../src/core/country.ts';
import { database } from '../../src/core/database.ts';
import { describeRule, whoDecides } from '../../src/core/rule-words.ts';
import { tEn, tZh } from './locale.ts';

describe('rule sentences', () => {
  it('say who decides what, in English', () => {
    expect(describeRule({ tier: 'user', scope: 'provider', action: 'block' }, 'deepseek', database, tEn)).toBe('You blocked DeepSeek.');
    expect(describeRule({ tier: 'org', scope: 'country', action: 'block' }, 'CN', database, tEn)).toBe('Your organization blocks AI services with a company or data in China.');
    expect(describeRule({ tier: 'org', scope: 'level', action: 'block' }, 'medium', database, tEn)).toBe('Your organization blocks every AI service at medium or high risk.');
    expect(describeRule({ tier: 'user', scope: 'site', action: 'allow' }, 'intranet.example', database, tEn)).toBe('You allowed every AI service on intranet.example.');
    expect(describeRule({ tier: 'user', scope: 'country', action: 'allow' }, 'CH', database, tEn)).toBe('You allowed AI services whose companies and data are all in your allowed countries.');
    expect(whoDecides({ tier: 'org' }, tEn)).toBe('your organization');
  });

  it('say the same in Simplified Chinese, with the country named in Chinese', () => {
    expect(describeRule({ tier: 'user', scope: 'provider', action: 'block' }, 'deepseek', database, tZh)).toBe('您拦截了 DeepSeek。');
    expect(describeRule({ tier: 'org', scope: 'country', action: 'block' }, 'CN', database, tZh)).toBe('您的组织拦截公司或数据位于中国的 AI 服务。');
    expect(describeRule({ tier: 'org', scope: 'level', action: 'block' }, 'high', database, tZh)).toBe('您的组织拦截所有高风险的 AI 服务。');
    // The organization's rules are standing rules (no 了); the user's own are what they did.
    expect(describeRule({ tier: 'org', scope: 'provider', action: 'block' }, 'deepseek', database, tZh)).toBe('您的组织拦截 DeepSeek。');
    expect(describeRule({ tier: 'user', scope: 'site', action: 'allow' }, 'intranet.example', database, tZh)).toBe('您允许了 intranet.example 上的所有 AI 服务。');
    expect(whoDecides({ tier: 'user' }, tZh)).toBe('您');
  });
});

describe('country names', () => {
  it('follow the language asked for; whether a code is a country does not', () => {
    expect(countryName('US')).toBe('United States');
    expect(countryName('US', 'zh-CN')).toBe('美国');
    expect(countryName('US', 'not a tag!')).toBe('United States');
    expect(isKnownCountryCode('CN')).toBe(true);
    expect(isKnownCountryCode('XX')).toBe(false);
  });
});
