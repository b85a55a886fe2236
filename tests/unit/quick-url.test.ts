import { describe, expect, it } from 'vitest';
import { quickUrlParts, type UrlParts } from '../../src/core/detection/quick-url-parts.ts';
import { seededRandom } from '../../scripts/seeded-random.ts';

const partsOf = (u: URL): UrlParts => ({ protocol: u.protocol, host: u.host, hostname: u.hostname, pathname: u.pathname, search: u.search });

/** What the page hook reads: the quick answer where it gives one, the URL parser's otherwise. */
function check(url: string, base = 'https://app.example.com/dir/page.html?q=1') {
  const quick = quickUrlParts(url, () => partsOf(new URL(base)));
  let parsed: UrlParts | undefined;
  try {
    parsed = partsOf(new URL(url, base));
  } catch {
    parsed = undefined;
  }
  if (quick !== undefined) expect(quick, url).toEqual(parsed);
  return quick;
}

describe('request URL parts without the URL parser', () => {
  it('reads the common forms directly, exactly as the parser would', () => {
    for (const url of [
      'https://api.openai.com/v1/chat/completions',
      'https://news.example.com/data.json?x=1&y=a%20b',
      'http://api.deepseek.com',
      'https://api.deepseek.com?',
      'https://api.deepseek.com/x#frag?no',
      'wss://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview',
      'ws://x-y.example.org/socket',
      '/api/v1/chat/completions?stream=true',
      '/',
    ]) {
      expect(check(url), url).toBeDefined();
    }
  });
  it('leaves every form the parser would change to the parser', () => {
    for (const url of [
      'HTTPS://API.OPENAI.COM/v1',
      'https://API.openai.com/v1',
      'https://api.openai.com:443/v1',
      'https://user@api.openai.com/v1',
      'https://api.openai.com./v1',
      'https://api..openai.com/v1',
      'https://0x7f.1/v1',
      'https://127.0.0.1/v1',
      'https://[::1]/v1',
      'https://api.openai.com\\@evil.example/v1',
      'https://api.openai.com/a/../v1',
      'https://api.openai.com/a/%2e%2e/v1',
      'https://api.openai.com/a b',
      "https://api.openai.com/v1?q='x'",
      'https://api.openai.com/v1?q=<x>',
      'https://api.deep\nseek.com/v1',
      ' https://api.openai.com/v1',
      '//api.openai.com/v1',
      '/\\api.openai.com/v1',
      'v1/chat/completions',
      './x',
      'https://bücher.example/x',
      'https://api.openai.com/ü',
      'ftp://api.openai.com/',
      'httpx://api.openai.com/',
    ]) {
      expect(check(url), url).toBeUndefined();
    }
  });
  it('agrees with the parser on random URLs built from tricky characters', () => {
    const random = seededRandom(17);
    const alphabet = ['a', 'Z', '0', '9', '.', '-', '/', '?', '#', '%', '2e', '@', ':', '\\', ' ', '\t', "'", '"', '<', '[', ']', '_', '~', 'ü', '..', '//', '=', '&'];
    const pick = () => alphabet[Math.floor(random() * alphabet.length)]!;
    let quick = 0;
    for (let i = 0; i < 20_000; i++) {
      let tail = '';
      for (let j = Math.floor(random() * 12); j > 0; j--) tail += pick();
      const head = ['https://api.example.com', 'http://a.b', 'wss://x.io', '/', 'https://', ''][i % 6];
      if (check(head + tail) !== undefined) quick++;
    }
    // The test means something only if the quick path answered often.
    expect(quick).toBeGreaterThan(2_000);
  });
});
