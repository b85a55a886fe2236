/** Days typed year first for the audit log's date filters (src/core/day-text.ts). */
import { describe, expect, it } from 'vitest';
import { dayOfText, nativeDateFits } from '../../src/core/day-text.ts';

describe('dayOfText', () => {
  it('reads ISO, slashes, dots and Chinese year-month-day', () => {
    expect(dayOfText('2026-03-05')).toBe('2026-03-05');
    expect(dayOfText(' 2026/3/5 ')).toBe('2026-03-05');
    expect(dayOfText('2026.03.05')).toBe('2026-03-05');
    expect(dayOfText('2026年3月5日')).toBe('2026-03-05');
    expect(dayOfText('2024-02-29')).toBe('2024-02-29');
    expect(dayOfText('')).toBe('');
  });

  it('refuses month-first, impossible and partial days', () => {
    for (const text of ['03/05/2026', '2026-02-30', '2025-02-29', '2026-13-01', '2026-3', '26-03-05', 'yesterday']) expect(dayOfText(text), text).toBeUndefined();
  });
});

describe('nativeDateFits', () => {
  it('trusts the browser date field only in the language of the messages', () => {
    expect(nativeDateFits('en-US', 'en')).toBe(true);
    expect(nativeDateFits('zh-CN', 'zh-CN')).toBe(true);
    expect(nativeDateFits('zh', 'zh-CN')).toBe(true);
    expect(nativeDateFits('en-US', 'zh-CN')).toBe(false);
    expect(nativeDateFits('de-DE', 'en')).toBe(false);
  });
});
