import { describe, expect, it } from 'vitest';
import { type CompiledDatabase, compileDatabase } from '../../src/core/database/compile-database.ts';
import type { Provider } from '../../src/core/provider.ts';
import { RiskDatabase } from '../../src/core/risk-database.ts';
import { hostMatchesPattern } from '../../src/core/host-pattern.ts';
import { seededRandom } from '../../scripts/seeded-random.ts';
import { fixtureCompiled, fixtureDatabase } from './fixture-database.ts';

describe('host lookup', () => {
  const db = fixtureDatabase();
  const hit = (host: string) => {
    const m = db.lookupHost(host);
    return m && `${m.product.id} ${m.host.role} ${m.host.host}`;
  };

  it('matches a listed host and every subdomain of it, most specific entry first', () => {
    expect(hit('api.deepseek.com')).toBe('deepseek-api api api.deepseek.com');
    expect(hit('deepseek.com')).toBe('deepseek-api site deepseek.com');
    expect(hit('foo.bar.deepseek.com')).toBe('deepseek-api site deepseek.com');
    expect(hit('chat.deepseek.com')).toBe('deepseek-chat chat chat.deepseek.com');
    expect(hit('x.chat.deepseek.com')).toBe('deepseek-chat chat chat.deepseek.com');
  });

  it('normalises case and a trailing dot', () => {
    expect(hit('API.DeepSeek.COM.')).toBe('deepseek-api api api.deepseek.com');
  });

  it('does not match look-alikes, parents or suffix tricks', () => {
    for (const host of ['notdeepseek.com', 'deepseek.com.evil.io', 'deepseek.co', 'oaistatic.com', 'com', '', '.', 'deepseek', 'chatgpt.com.', 'xchatgpt.com']) {
      expect(hit(host), host).toBe(host === 'chatgpt.com.' ? 'openai-chatgpt chat chatgpt.com' : undefined);
    }
  });

  it('matches a * label as exactly one label, with subdomains', () => {
    expect(hit('ark.cn-beijing.volces.com')).toBe('bytedance-ark api ark.*.volces.com');
    expect(hit('x.ark.ap-southeast.volces.com')).toBe('bytedance-ark api ark.*.volces.com');
    expect(hit('ark.volces.com')).toBeUndefined();
    expect(hit('ark.a.b.volces.com')).toBeUndefined();
    expect(hit('volces.com')).toBeUndefined();
    expect(hit('ark.cn-beijing.volces.com.evil.io')).toBeUndefined();
    // An empty label is no label: `*` never stands for one (the pattern matcher agrees).
    expect(hit('ark..volces.com')).toBeUndefined();
    expect(hostMatchesPattern('ark..volces.com', 'ark.*.volces.com')).toBe(false);
    expect(hostMatchesPattern('ark.x.volces.com', 'ark.*.volces.com')).toBe(true);
  });

  it('rejects names longer than DNS allows without scanning them', () => {
    expect(hit(`${'a.'.repeat(200)}deepseek.com`)).toBeUndefined();
  });

  it('takes names of up to 253 characters, not counting one trailing dot', () => {
    const name = (length: number) => `${'a'.repeat(length - '.deepseek.com'.length)}.deepseek.com`;
    expect(hit(name(253))).toBe('deepseek-api site deepseek.com');
    expect(hit(`${name(253)}.`)).toBe('deepseek-api site deepseek.com');
    expect(hit(`${name(253).toUpperCase()}.`)).toBe('deepseek-api site deepseek.com');
    expect(hit(name(254))).toBeUndefined();
    expect(hit(`${name(253)}..`)).toBeUndefined();
    // Many labels near the limit; then the most labels (127) and the most dots (253) a name can hold.
    expect(hit(`${'a.'.repeat(117)}b.api.deepseek.com`)).toBe('deepseek-api api api.deepseek.com');
    expect(hit(`${'a.'.repeat(126)}a`)).toBeUndefined();
    expect(hit('.'.repeat(253))).toBeUndefined();
    expect(hit(`${'.'.repeat(241)}deepseek.com`)).toBe('deepseek-api site deepseek.com');
  });

  it('never matches a single label, with or without dots around it', () => {
    for (const host of ['deepseek', 'DEEPSEEK', 'deepseek.', '.com', '..', 'com.', 'a']) expect(hit(host), host).toBeUndefined();
  });

  it('lower-cases names the way toLowerCase does, ASCII or not', () => {
    expect(hit('ARK.CN-BEIJING.VOLCES.COM.')).toBe('bytedance-ark api ark.*.volces.com');
    expect(hit('Chat.DeepSeek.com')).toBe('deepseek-chat chat chat.deepseek.com');
    expect(hit('chat.deepsee\u212a.com')).toBe('deepseek-chat chat chat.deepseek.com'); // KELVIN SIGN lower-cases to k
    expect(hit('ÄPI.deepseek.com')).toBe('deepseek-api site deepseek.com');
    expect(hit('api.deepseek.com\u0130')).toBeUndefined();
  });

  it('matches IDN names by their punycode form only, as the URL parser gives them', () => {
    const db = fixtureDatabase((files) => {
      const provider = files.providers.find((f) => f.file.endsWith('/deepseek.json'))!.data as { products: { hosts: { host: string }[] }[] };
      provider.products[0]!.hosts.push({ ...provider.products[0]!.hosts[0]!, host: 'xn--fiqs8s.xn--55qx5d' });
    });
    expect(db.lookupHost('api.xn--fiqs8s.xn--55qx5d')?.host.host).toBe('xn--fiqs8s.xn--55qx5d');
    expect(db.lookupHost('XN--FIQS8S.XN--55QX5D.')?.host.host).toBe('xn--fiqs8s.xn--55qx5d');
    expect(db.lookupHost('中国.公司')).toBeUndefined();
  });

  it('prefers the entry covering more labels, and a plain host over a * pattern covering as many', () => {
    const db = paddedDatabase(fixtureCompiled(), [
      ['plain', ['x.y.volces.com', 'ark.eu.volces.com', 'z.volces.com']],
      ['wild', ['*.y.volces.com', 'a.*.y.volces.com', 'q.*.*.volces.com']],
    ]);
    const at = (host: string) => db.lookupHost(host)?.host.host;
    expect(at('ark.eu.volces.com')).toBe('ark.eu.volces.com'); // plain beats ark.*.volces.com, same labels
    expect(at('ark.us.volces.com')).toBe('ark.*.volces.com');
    expect(at('x.y.volces.com')).toBe('x.y.volces.com'); // plain beats *.y.volces.com
    expect(at('w.y.volces.com')).toBe('*.y.volces.com');
    expect(at('a.x.y.volces.com')).toBe('a.*.y.volces.com'); // four labels beat three
    expect(at('q.b.z.volces.com')).toBe('q.*.*.volces.com'); // beats z.volces.com
    expect(at('q.z.volces.com')).toBe('z.volces.com');
    expect(at('m.q.b.c.volces.com')).toBe('q.*.*.volces.com');
  });

  it('gives the same object for every look-up of an entry (nothing allocated per look-up)', () => {
    expect(db.lookupHost('a.deepseek.com')).toBe(db.lookupHost('B.deepseek.com.'));
  });

  it('agrees with a scan of every pattern on random names over padded databases', () => {
    const random = seededRandom(17);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const words = ['a', 'b', 'api', 'eu', 'x1', 'chat', 'deepseek', 'volces', 'ark'];
    const tlds = ['com', 'cn', 'test', 'xn--fiqs8s'];
    const label = () => (random() < 0.1 ? '*' : pick(words));
    for (let round = 0; round < 6; round++) {
      // Patterns made of few words, so that they overlap, nest and tie.
      const patterns = new Set<string>();
      const size = [20, 200, 2_000][round % 3]!;
      while (patterns.size < size) {
        const fixed = `${pick(words)}.${pick(tlds)}`;
        const depth = Math.floor(random() * 4);
        patterns.add([...Array.from({ length: depth }, label), fixed].join('.'));
      }
      const db = paddedDatabase(fixtureCompiled(), [[`random${round}`, [...patterns]]]);
      const naive = naiveScanner(patternsOf(db.compiled));
      const all = patternsOf(db.compiled);
      for (let i = 0; i < 3_000; i++) {
        const base = pick(all).replaceAll('*', () => pick(words));
        const kind = Math.floor(random() * 6);
        let name =
          kind === 0 ? base
          : kind === 1 ? `${pick(words)}.${base}`
          : kind === 2 ? `${pick(words)}${base}`
          : kind === 3 ? `${base}.${pick(words)}.${pick(tlds)}`
          : kind === 4 ? base.split('.').slice(1).join('.')
          : Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(words)).join('.');
        if (random() < 0.2) name = name.toUpperCase();
        if (random() < 0.2) name += '.';
        expect(db.lookupHost(name)?.host.host, name).toBe(naive(name));
      }
    }
  });
});

/** The compiled database plus one synthetic provider per [id, patterns]. */
function paddedDatabase(compiled: CompiledDatabase, extra: [string, string[]][]): RiskDatabase {
  const template = compiled.providers[0]!;
  const source = template.products[0]!.hosts[0]!.source;
  const providers: Provider[] = extra.map(([id, hosts]) => ({
    ...template,
    id,
    models: [],
    products: [{ id: `${id}-api`, name: id, hosts: hosts.map((host) => ({ host, role: 'api' as const, source })) }],
  }));
  return new RiskDatabase(compileDatabase({ providers: [...compiled.providers, ...providers], jurisdictions: Object.values(compiled.jurisdictions), laws: Object.values(compiled.laws) }));
}

function patternsOf(db: CompiledDatabase): string[] {
  return db.providers.flatMap((p) => p.products.flatMap((q) => q.hosts.map((h) => h.host)));
}

/**
 * The precedence spelt out, entry by entry: most labels covered; then a plain host over a `*`
 * pattern; then the `*` pattern with more fixed labels at its end; then the first listed.
 */
function naiveScanner(patterns: string[]) {
  const entries = patterns.map((p) => {
    const labels = p.split('.');
    return { p, labels, fixed: labels.length - 1 - labels.lastIndexOf('*'), wild: labels.includes('*') };
  });
  return (hostname: string): string | undefined => {
    const lower = hostname.toLowerCase();
    const name = lower.endsWith('.') ? lower.slice(0, -1) : lower;
    if (name.length > 253) return undefined;
    const labels = name.split('.');
    let best: (typeof entries)[number] | undefined;
    for (const e of entries) {
      if (labels.length < e.labels.length) continue;
      const tail = labels.slice(labels.length - e.labels.length);
      if (!e.labels.every((l, i) => (l === '*' ? tail[i] !== '' : l === tail[i]))) continue;
      const better =
        !best ||
        e.labels.length > best.labels.length ||
        (e.labels.length === best.labels.length && ((best.wild && !e.wild) || (best.wild && e.wild && e.fixed > best.fixed)));
      if (better) best = e;
    }
    return best?.p;
  };
}

describe('model lookup', () => {
  const db = fixtureDatabase();
  const builder = (model: string) => {
    const m = db.lookupModel(model);
    return m && `${m.builder.id}/${m.family.id}${m.by === 'namespace' ? ' (namespace)' : ''}`;
  };

  it('finds the builder from the model name, whatever reseller format wraps it', () => {
    expect(builder('deepseek-chat')).toBe('deepseek/deepseek');
    expect(builder('DeepSeek-R1')).toBe('deepseek/deepseek');
    expect(builder('deepseek/deepseek-chat:free')).toBe('deepseek/deepseek');
    expect(builder('deepseek-ai/DeepSeek-V3')).toBe('deepseek/deepseek');
    expect(builder('accounts/fireworks/models/deepseek-v3')).toBe('deepseek/deepseek');
    expect(builder('publishers/openai/models/gpt-4o')).toBe('openai/gpt');
    expect(builder('models/gpt-4o-mini')).toBe('openai/gpt');
    expect(builder('@cf/mistralai/mistral-7b-instruct-v0.2')).toBe('mistral/mistral');
    expect(builder('us.deepseek.r1-v1:0')).toBe('deepseek/deepseek (namespace)');
    expect(builder('mistral.mistral-large-2402-v1:0')).toBe('mistral/mistral'); // Bedrock vendor that is not a namespace
    expect(builder('eu.mistral.mixtral-8x7b-instruct-v0:1')).toBe('mistral/mistral');
    expect(builder('glm.unknown-thing')).toBeUndefined();
    expect(builder('o1-preview')).toBe('openai/gpt');
    expect(builder('chatgpt-4o-latest')).toBe('openai/gpt');
  });

  it('prefers the longest pattern and keeps open-weight families apart', () => {
    const m = db.lookupModel('openai/gpt-oss-120b');
    expect(m?.family.id).toBe('gpt-oss');
    expect(m?.family.openWeights).toBe(true);
    expect(db.lookupModel('gpt-4o')?.family.openWeights).toBe(false);
  });

  it('falls back to the namespace only when the name is not known', () => {
    expect(builder('deepseek-ai/some-new-thing')).toBe('deepseek/deepseek (namespace)');
    expect(builder('mistralai/deepseek-r1-distill')).toBe('deepseek/deepseek');
  });

  it('says nothing for unknown or empty names', () => {
    for (const m of ['', '   ', '/', 'llama-3', 'unknownorg/unknown-model', 'chatgpt-4o', 'x'.repeat(10_000)]) expect(builder(m), m).toBeUndefined();
  });
});
