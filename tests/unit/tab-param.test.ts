import { describe, expect, it } from 'vitest';
import { tabIdFromSearch } from '../../src/core/tab-param.ts';

describe('popup tab parameter', () => {
  it('reads ?tab=<id>', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('?x=1&tab=0')).toBe(0);
  });
  it.each(['', '?tab=', '?tab=-1', '?tab=abc', '?tab=1.5', '?tab=1e3', '?tab=99999999999999999999'])('falls back to the active tab for %j', (search) => {
    expect(tabIdFromSearch(search)).toBeUndefined();
  });
});
