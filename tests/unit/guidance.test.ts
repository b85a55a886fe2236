import { describe, expect, it } from 'vitest';
import { alternativesFor, messageIn } from '../../src/core/guidance/guidance-policy.ts';
import { database } from '../../src/core/database.ts';
import { parsePolicy } from '../../src/core/policy-parse.ts';

const isProvider = (id: string) => database.provider(id) !== undefined;

describe('organization guidance policy', () => {
  it('keeps what checks out and reports the rest: alternatives, message, support address', () => {
    const { value, problems } = parsePolicy(
      {
        approvedAlternatives: [
          { name: 'Contoso Copilot', url: 'https://copilot.contoso.example/', description: 'Approved for company data.' },
          { name: 'EU assistant', url: 'https://eu.contoso.example/', countries: ['cn', 'XX'], providers: ['deepseek', 'nope'], levels: ['high', 'severe'] },
          { name: 'Bad link', url: 'javascript:alert(1)' },
          { name: 'Plain http', url: 'http://x.example/' },
          { name: 'Two\nlines', url: 'https://y.example/' },
          'not an object',
        ],
        organizationMessage: { en: 'Use Contoso Copilot for company data.\nQuestions: the service desk.', zh_CN: '请使用 Contoso Copilot。', 'bad tag!': 'x', fr: '' },
        supportUrl: 'javascript:alert(1)',
      },
      isProvider,
    );
    expect(value.approvedAlternatives).toEqual([
      { name: 'Contoso Copilot', url: 'https://copilot.contoso.example/', description: 'Approved for company data.' },
      { name: 'EU assistant', url: 'https://eu.contoso.example/', providers: ['deepseek'], countries: ['CN'], levels: ['high'] },
    ]);
    expect(value.organizationMessage).toEqual({ en: 'Use Contoso Copilot for company data.\nQuestions: the service desk.', 'zh-CN': '请使用 Contoso Copilot。' });
    expect(value.supportUrl).toBeUndefined();
    expect(problems.map((p) => p.key).sort()).toEqual(
      [
        'approvedAlternatives[1].countries[1]',
        'approvedAlternatives[1].levels[1]',
        'approvedAlternatives[1].providers[1]',
        'approvedAlternatives[2].url',
        'approvedAlternatives[3].url',
        'approvedAlternatives[4].name',
        'approvedAlternatives[5]',
        'organizationMessage.bad tag!',
        'organizationMessage.fr',
        'supportUrl',
      ].sort(),
    );
    expect(parsePolicy({ supportUrl: 'mailto:servicedesk@contoso.example' }, isProvider).value.supportUrl).toBe('mailto:servicedesk@contoso.example');
    expect(parsePolicy({ organizationMessage: 'One text for every language.' }, isProvider).value.organizationMessage).toEqual({ '*': 'One text for every language.' });
  });

  it('offers an alternative for every block, or only for the providers, countries or levels it names', () => {
    const all = { name: 'A', url: 'https://a.example/' };
    const cn = { name: 'B', url: 'https://b.example/', countries: ['CN'] };
    const high = { name: 'C', url: 'https://c.example/', levels: ['high' as const] };
    const mistral = { name: 'D', url: 'https://d.example/', providers: ['mistral'] };
    const list = [all, cn, high, mistral];
    expect(alternativesFor(list, { providerId: 'deepseek', country: 'CN', level: 'high' }).map((a) => a.name)).toEqual(['A', 'B', 'C']);
    expect(alternativesFor(list, { providerId: 'mistral', country: 'FR', level: 'low' }).map((a) => a.name)).toEqual(['A', 'D']);
    expect(alternativesFor(undefined, {})).toEqual([]);
  });

  it('says the message in the browser’s language, else its primary language, else *, else English', () => {
    const m = { en: 'English', 'zh-CN': '中文', '*': 'Any' };
    expect(messageIn(m, 'zh-CN')).toBe('中文');
    expect(messageIn(m, 'zh_CN')).toBe('中文');
    expect(messageIn(m, 'en-GB')).toBe('English');
    expect(messageIn(m, 'de')).toBe('Any');
    expect(messageIn({ en: 'English' }, 'de')).toBe('English');
    expect(messageIn(undefined, 'en')).toBeUndefined();
  });
});
