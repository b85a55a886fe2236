import { describe, expect, it } from 'vitest';
import { MAX_BODY_SCAN, scanJsonPrefix } from '../../src/core/json-prefix.ts';

describe('scanJsonPrefix: top-level keys and model', () => {
  it('reads an OpenAI chat body', () => {
    const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true, temperature: 0.2 });
    expect(scanJsonPrefix(body)).toEqual({ keys: ['model', 'messages', 'stream', 'temperature'], model: 'gpt-4o-mini', truncated: false });
  });

  it('finds the model after other keys, with whitespace and newlines anywhere', () => {
    const body = ' \n\t{ "messages" : [ ] ,\r\n  "max_tokens":1024,\n  "model"\n:\n "claude-3-5-sonnet-20241022"\n}\n';
    expect(scanJsonPrefix(body)).toEqual({ keys: ['messages', 'max_tokens', 'model'], model: 'claude-3-5-sonnet-20241022', truncated: false });
  });

  it('accepts a leading byte-order mark', () => {
    expect(scanJsonPrefix('\uFEFF{"model":"x"}')?.model).toBe('x');
  });

  it('returns no model when the object has none', () => {
    expect(scanJsonPrefix('{"prompt":"a cat","n":1}')).toEqual({ keys: ['prompt', 'n'], truncated: false });
    expect(scanJsonPrefix('{}')).toEqual({ keys: [], truncated: false });
  });

  it.each(['', '   ', '[{"model":"x"}]', '"model"', 'model=gpt-4o&prompt=x', 'null', '------WebKitFormBoundary\r\nContent-Disposition: form-data; name="model"\r\n\r\nwhisper-1', '<xml/>'])(
    'is undefined when the body is not a JSON object: %j',
    (body) => {
      expect(scanJsonPrefix(body)).toBeUndefined();
    },
  );

  it('ignores what follows the closed object', () => {
    expect(scanJsonPrefix('{"a":1} {"model":"x"}')).toEqual({ keys: ['a'], truncated: false });
  });
});

describe('scanJsonPrefix: only depth-1 keys count', () => {
  it('ignores "model" in nested objects and arrays', () => {
    const body = JSON.stringify({ tools: [{ type: 'function', model: 'x', function: { model: 'y' } }], metadata: { model: 'z' }, input: 'hi' });
    expect(scanJsonPrefix(body)).toEqual({ keys: ['tools', 'metadata', 'input'], truncated: false });
  });

  it('ignores "model" inside string values, escaped quotes included', () => {
    const body = JSON.stringify({ messages: [{ role: 'user', content: 'set "model": "evil-model", } ] { and "model":"x"' }], note: '{"model":"y"}', model: 'gpt-4.1' });
    expect(body).toContain('\\"model\\"');
    expect(scanJsonPrefix(body)).toEqual({ keys: ['messages', 'note', 'model'], model: 'gpt-4.1', truncated: false });
  });

  it('does not take a string value for a key, nor a key for a model value', () => {
    expect(scanJsonPrefix('{"note":"model","x":"model","model":"real"}')).toEqual({ keys: ['note', 'x', 'model'], model: 'real', truncated: false });
    expect(scanJsonPrefix('{"model":"m","alias":"model"}')?.model).toBe('m');
  });

  it('survives backslash runs before quotes', () => {
    // content ends in a literal backslash: `\\"` closes the string, the next key is real
    const body = '{"a":"x\\\\","model":"m","b":"\\\\\\"model\\":\\"no"}';
    expect(JSON.parse(body)).toEqual({ a: 'x\\', model: 'm', b: '\\"model":"no' });
    expect(scanJsonPrefix(body)).toEqual({ keys: ['a', 'model', 'b'], model: 'm', truncated: false });
  });

  it('keeps braces and brackets inside strings out of the depth count', () => {
    const body = '{"system":"}}}]]]","messages":[{"content":"{{{[[["}],"model":"m"}';
    expect(scanJsonPrefix(body)).toEqual({ keys: ['system', 'messages', 'model'], model: 'm', truncated: false });
  });

  it('follows deep nesting without recursion', () => {
    const depth = 100_000;
    const body = `{"a":${'['.repeat(depth)}${']'.repeat(depth)},"model":"m"}`;
    expect(scanJsonPrefix(body, body.length)).toEqual({ keys: ['a', 'model'], model: 'm', truncated: false });
  });
});

describe('scanJsonPrefix: model values', () => {
  it('decodes JSON escapes', () => {
    expect(scanJsonPrefix('{"model":"deepseek\\/deepseek-chat"}')?.model).toBe('deepseek/deepseek-chat');
    expect(scanJsonPrefix('{"model":"deepseek\\u002fdeepseek-chat"}')?.model).toBe('deepseek/deepseek-chat');
    expect(scanJsonPrefix('{"model":"\\u0067pt-4o"}')?.model).toBe('gpt-4o');
    expect(scanJsonPrefix('{"model":"a\\"b\\\\c\\n\\t\\b\\f\\r"}')?.model).toBe('a"b\\c\n\t\b\f\r');
  });

  it('decodes escaped keys too, so "mod\\u0065l" is the model key', () => {
    expect(scanJsonPrefix('{"mod\\u0065l":"gpt-4o","m\\u0065ssages":[]}')).toEqual({ keys: ['model', 'messages'], model: 'gpt-4o', truncated: false });
  });

  it('keeps unicode, surrogate pairs included', () => {
    expect(scanJsonPrefix('{"model":"模型-😀"}')?.model).toBe('模型-😀');
    expect(scanJsonPrefix('{"model":"\\ud83d\\ude00"}')?.model).toBe('😀');
  });

  it('is lenient with invalid escapes and never throws', () => {
    expect(scanJsonPrefix('{"model":"a\\x\\u12g4\\u"}')?.model).toBe('axu12g4u');
    expect(scanJsonPrefix('{"model":"\\uD800"}')?.model).toBe('\uD800');
  });

  it.each([
    ['a number', '{"model":4,"messages":[]}'],
    ['null', '{"model":null,"messages":[]}'],
    ['true', '{"model":true}'],
    ['an object', '{"model":{"name":"gpt-4o"}}'],
    ['an array', '{"model":["gpt-4o"]}'],
  ])('reports no model when it is %s, but keeps the key', (_, body) => {
    const scan = scanJsonPrefix(body);
    expect(scan?.model).toBeUndefined();
    expect(scan?.keys[0]).toBe('model');
    expect(scan?.truncated).toBe(false);
  });

  it('takes the last "model" when the key repeats, as JSON.parse does', () => {
    expect(scanJsonPrefix('{"model":"a","model":"b"}')).toEqual({ keys: ['model'], model: 'b', truncated: false });
    expect(scanJsonPrefix('{"model":"a","model":null}')).toEqual({ keys: ['model'], truncated: false });
  });

  it('cuts a long model to 256 characters without splitting a surrogate pair', () => {
    expect(scanJsonPrefix(`{"model":"${'m'.repeat(10_000)}"}`)?.model).toBe('m'.repeat(256));
    expect(scanJsonPrefix(`{"model":"${'m'.repeat(255)}😀"}`)?.model).toBe('m'.repeat(255));
    expect(scanJsonPrefix(`{"model":"${'\\u0041'.repeat(300)}"}`)?.model).toBe('A'.repeat(256));
  });
});

describe('scanJsonPrefix: bounds and truncated bodies', () => {
  it('marks a body cut after the model as truncated, and still reports the model', () => {
    expect(scanJsonPrefix('{"model":"gpt-4o","messages":[{"role":"user","content":"Summarise th')).toEqual({
      keys: ['model', 'messages'],
      model: 'gpt-4o',
      truncated: true,
    });
  });

  it('does not report a model or key cut in the middle', () => {
    expect(scanJsonPrefix('{"model":"gpt-4o-mi')).toEqual({ keys: ['model'], truncated: true });
    expect(scanJsonPrefix('{"messages":[],"mod')).toEqual({ keys: ['messages'], truncated: true });
    expect(scanJsonPrefix('{"model":')).toEqual({ keys: ['model'], truncated: true });
    expect(scanJsonPrefix('{')).toEqual({ keys: [], truncated: true });
  });

  it('looks at no more than the limit', () => {
    const body = '{"model":"gpt-4o","messages":[]}';
    expect(scanJsonPrefix(body, 15)).toEqual({ keys: ['model'], truncated: true });
    expect(scanJsonPrefix(body, 17)).toEqual({ keys: ['model'], model: 'gpt-4o', truncated: true });
    expect(scanJsonPrefix(body, 0)).toBeUndefined();
    expect(scanJsonPrefix(body, -1)).toBeUndefined();
    expect(scanJsonPrefix(body, Number.NaN)).toBeUndefined();
    expect(scanJsonPrefix(body, Number.POSITIVE_INFINITY)?.model).toBe('gpt-4o');
  });

  it('does not see a model beyond 64 KiB of a 5 MB body', () => {
    const content = 'x'.repeat(5 * 1024 * 1024);
    const body = `{"messages":[{"role":"user","content":"${content}"}],"model":"deepseek-chat"}`;
    expect(MAX_BODY_SCAN).toBe(65_536);
    expect(scanJsonPrefix(body)).toEqual({ keys: ['messages'], truncated: true });
    expect(scanJsonPrefix(body, body.length)?.model).toBe('deepseek-chat');
  });

  it('does not see an object that starts after the limit', () => {
    expect(scanJsonPrefix(`${' '.repeat(MAX_BODY_SCAN)}{"model":"x"}`)).toBeUndefined();
  });

  it('keeps at most 32 keys, each cut to 64 characters, but still finds a later model', () => {
    const entries = Array.from({ length: 40 }, (_, i) => `"k${i}":${i}`).join(',');
    const long = 'k'.repeat(100);
    const scan = scanJsonPrefix(`{"${long}":1,${entries},"model":"late"}`);
    expect(scan?.keys).toHaveLength(32);
    expect(scan?.keys[0]).toBe('k'.repeat(64));
    expect(scan?.keys[31]).toBe('k30');
    expect(scan?.model).toBe('late');
  });

  it('de-duplicates keys, keeping the first position', () => {
    expect(scanJsonPrefix('{"a":1,"b":2,"a":3}')?.keys).toEqual(['a', 'b']);
  });

  it('treats __proto__ and constructor as ordinary keys', () => {
    const scan = scanJsonPrefix('{"__proto__":{"model":"x","polluted":true},"constructor":"y","model":"m"}');
    expect(scan).toEqual({ keys: ['__proto__', 'constructor', 'model'], model: 'm', truncated: false });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['unbalanced closers', '{"a":]]]]}'],
    ['a lone quote', '{"'],
    ['a trailing backslash', '{"model":"abc\\'],
    ['control characters', '{"\u0000":"\u0001","model":"\u0000"}'],
    ['lone surrogates', '{"\uD800":"\uDC00"}'],
    ['garbage', '{::,,}}{{"""'],
    ['many commas', `{${','.repeat(70_000)}`],
    ['a key without a value', '{"model","messages":[]}'],
  ])('never throws on %s', (_, body) => {
    expect(() => scanJsonPrefix(body)).not.toThrow();
    expect(scanJsonPrefix(body)).toBeDefined();
  });
});
