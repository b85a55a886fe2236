/**
 * The messages read as one voice per language: what a person notices at once (你 next to 您, a
 * half-width comma in a Chinese sentence, a space after a full-width bracket, "Imported 1 settings")
 * is checked over every key, so a new string cannot bring it back.
 */
import { describe, expect, it } from 'vitest';
import { locales, tEn, tZh } from './locale.ts';

const zh = Object.entries(locales.zh_CN!);
const en = Object.entries(locales.en!);
const HAN = '\\p{Script=Han}';

describe('Simplified Chinese messages', () => {
  it('address the reader as 您, never 你', () => {
    expect(zh.filter(([, v]) => v.includes('你')).map(([k]) => k)).toEqual([]);
  });

  it('use full-width punctuation next to Chinese text', () => {
    const halfWidth = new RegExp(`${HAN}[,.:;!?()]|[,:;!?()]${HAN}`, 'u');
    expect(zh.filter(([, v]) => halfWidth.test(v)).map(([k]) => k)).toEqual([]);
  });

  it('put no space between Chinese characters, nor next to full-width punctuation', () => {
    const stray = new RegExp(`${HAN} ${HAN}|[，。：；（）、“”] | [，。：；（）、“”]`, 'u');
    expect(zh.filter(([, v]) => stray.test(v)).map(([k]) => k)).toEqual([]);
  });

  it('put no space after a company label that ends in a full-width bracket', () => {
    // $2 is "Google（美国）": "Google（美国） 的 Gemini" had a stray space.
    expect(tZh('popModelOpen', ['Gemini', 'Google（美国）'])).toMatch(/^Google（美国）的 Gemini，/);
    expect(tZh('popModelClosedUnknown', ['Doubao', 'ByteDance（中国）'])).toMatch(/^ByteDance（中国）的 Doubao，/);
  });

  it('call the in-page warning 警告 everywhere, as the options page does', () => {
    expect(zh.filter(([k, v]) => k.startsWith('warn') && v.includes('提醒')).map(([k]) => k)).toEqual([]);
    expect(tZh('warnDismiss')).toBe('此网站不再警告');
  });
});

describe('English messages', () => {
  it('use one apostrophe, the straight one', () => {
    expect(en.filter(([, v]) => v.includes('’')).map(([k]) => k)).toEqual([]);
  });

  it('never put a count before a plural noun where the count can be 1', () => {
    // These counts have no singular message of their own.
    expect(tEn('optImported', [1])).toBe('Settings imported from the file: 1.');
    expect(tEn('auditExportHint', [1])).toBe('Exports the entries listed (1).');
    expect(tEn('auditTrimmed', [1, 10000, '10:00'])).not.toMatch(/\b1 \w+s\b/);
    expect(tEn('auditDropped', [1, 60, '10:00'])).not.toMatch(/\b1 \w+s\b/);
    expect(tEn('auditIntroOneDay')).toMatch(/for 1 day\.$/);
  });

  it('name the block page button the options page refers to by its own words', () => {
    expect(tEn('optBypassOffered')).toContain(`“${tEn('blkAllowOnce')}”`);
    expect(tZh('optBypassOffered')).toContain(`“${tZh('blkAllowOnce')}”`);
  });
});
