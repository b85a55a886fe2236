import { describe, expect, it } from 'vitest';
import { createHostIndex, lookupHost } from '../../src/core/host-index.ts';
import type { Provider } from '../../src/core/provider.ts';

const source = { url: 'https://example.org/source', reviewed: '2026-11-21' };
const provider = (id: string, hosts: string[]): Provider => ({
  id,
  name: id,
  operator: { name: `${id} Inc.`, country: 'US', source },
  products: [{ id: `${id}-app`, name: `${id} app`, hosts: hosts.map((host) => ({ host, role: 'chat' as const, source })) }],
});

describe('host index', () => {
  const index = createHostIndex([provider('deepseek', ['deepseek.com']), provider('chatgpt', ['chatgpt.com', 'cdn.oaistatic.com'])]);
  const providerOf = (host: string) => lookupHost(index, host)?.provider.id;

  it('matches a registered host and every subdomain of it', () => {
    expect(providerOf('deepseek.com')).toBe('deepseek');
    expect(providerOf('api.deepseek.com')).toBe('deepseek');
    expect(providerOf('foo.bar.deepseek.com')).toBe('deepseek');
    expect(lookupHost(index, 'foo.bar.deepseek.com')?.matchedHost).toBe('deepseek.com');
  });

  it('does not match look-alike hosts', () => {
    expect(providerOf('notdeepseek.com')).toBeUndefined();
    expect(providerOf('deepseek.com.evil.io')).toBeUndefined();
    expect(providerOf('oaistatic.com')).toBeUndefined();
    expect(providerOf('com')).toBeUndefined();
    expect(providerOf('')).toBeUndefined();
  });

  it('ignores case and a trailing dot', () => {
    expect(providerOf('Chat.DeepSeek.COM.')).toBe('deepseek');
  });

  it('refuses a host claimed by two products', () => {
    expect(() => createHostIndex([provider('a', ['x.example.com']), provider('b', ['X.example.com'])])).toThrow(
      /x\.example\.com is claimed by a\/a-app and b\/b-app/,
    );
  });
});
