import { describe, expect, it } from 'vitest';
import { apiCallOf } from '../../src/core/api-shape.ts';
import { formBodyAsJson } from '../../src/core/form-body.ts';
import { MAX_BODY_SCAN } from '../../src/core/json-prefix.ts';
import { MAX_MODEL_LENGTH } from '../../src/core/model-name.ts';

describe('formBodyAsJson', () => {
  it('reads keys and the model of form-encoded text as a JSON object', () => {
    const text = new URLSearchParams({ model: 'deepseek/deepseek-chat', messages: 'a b&c', stream: 'true' }).toString();
    expect(JSON.parse(formBodyAsJson(text, MAX_BODY_SCAN)!)).toEqual({ messages: '', stream: '', model: 'deepseek/deepseek-chat' });
  });

  it('decodes + and percent escapes, UTF-8 included, and keeps malformed escapes as written', () => {
    expect(JSON.parse(formBodyAsJson('model=gpt+4o%20%E2%9C%93', 100)!).model).toBe('gpt 4o \u2713');
    expect(JSON.parse(formBodyAsJson('model=a%E0%A4%A&x=1', 100)!).model).toBe('a%E0%A4%A');
  });

  it('leaves JSON, whitespace-led and pair-less text to the JSON reader', () => {
    for (const text of ['{"model":"x"}', '[1]', ' model=x', '\ufeffmodel=x', 'hello world', '', '=x&=y']) expect(formBodyAsJson(text, 100), text).toBeUndefined();
  });

  it('takes the first model, like URLSearchParams.get', () => {
    expect(JSON.parse(formBodyAsJson('model=a&model=b', 100)!).model).toBe('a');
  });

  it('reads only within the limit and leaves out a pair the limit cuts', () => {
    const text = `prompt=x&model=${'m'.repeat(50)}`;
    expect(JSON.parse(formBodyAsJson(text, 20)!)).toEqual({ prompt: '' });
    expect(JSON.parse(formBodyAsJson(text, text.length)!).model).toBe('m'.repeat(50));
    expect(formBodyAsJson(`model=${'m'.repeat(MAX_MODEL_LENGTH * 4)}`, MAX_BODY_SCAN)).toBe(JSON.stringify({ model: 'm'.repeat(MAX_MODEL_LENGTH) }));
  });

  it('escapes keys and values so the result is JSON whatever the page wrote', () => {
    const text = 'a%22b%5C=1&model=%22%7D%2C%22model%22%3A%22y';
    expect(JSON.parse(formBodyAsJson(text, 100)!)).toEqual({ 'a"b\\': '', model: '"},"model":"y' });
  });

  it('confirms an API shape through the JSON reader (model + messages)', () => {
    const call = apiCallOf('/api/v1/chat/completions', '', formBodyAsJson('model=openai%2Fgpt-4o&messages=hi', 100));
    expect(call).toEqual({ shape: 'openai-chat', model: 'openai/gpt-4o', confirmed: true });
  });

  it('never throws on a page’s replaced built-ins (captured at load)', () => {
    const saved = String.prototype.slice;
    String.prototype.slice = () => {
      throw new Error('page code');
    };
    try {
      expect(JSON.parse(formBodyAsJson('model=x&y=1', 100)!).model).toBe('x');
    } finally {
      String.prototype.slice = saved;
    }
  });
});
