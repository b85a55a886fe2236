import { describe, expect, it } from 'vitest';
import { apiCallOf, shapeOfPath } from '../../src/core/api-shape.ts';

const json = (value: unknown) => JSON.stringify(value);
const chatBody = (model: string) => json({ model, messages: [{ role: 'user', content: 'Hello' }], stream: true });

describe('apiCallOf: OpenAI-style paths confirmed by their body', () => {
  it.each([
    ['OpenAI', '/v1/chat/completions', '', 'gpt-4o-mini'],
    ['DeepSeek (no version)', '/chat/completions', '', 'deepseek-chat'],
    ['OpenRouter', '/api/v1/chat/completions', '', 'deepseek/deepseek-chat'],
    ['Groq', '/openai/v1/chat/completions', '', 'llama-3.3-70b-versatile'],
    ['a self-hosted gateway', '/proxy/openai/v1/chat/completions', '', 'qwen2.5-72b-instruct'],
    ['Gemini OpenAI compatibility', '/v1beta/openai/chat/completions', '', 'gemini-2.0-flash'],
    ['upper case and a trailing slash', '/V1/Chat/Completions/', '', 'gpt-4o'],
  ])('%s: %s', (_, path, search, model) => {
    expect(apiCallOf(path, search, chatBody(model))).toEqual({ shape: 'openai-chat', model, confirmed: true });
  });

  it('Azure OpenAI deployment: messages confirm, the deployment name is not a model', () => {
    const path = '/openai/deployments/gpt4o/chat/completions';
    const search = '?api-version=2024-10-21';
    expect(apiCallOf(path, search, json({ messages: [{ role: 'user', content: 'hi' }] }))).toEqual({ shape: 'openai-chat', confirmed: true });
    expect(apiCallOf(path, search, chatBody('gpt-4o'))).toEqual({ shape: 'openai-chat', model: 'gpt-4o', confirmed: true });
    expect(apiCallOf(path, search, json({ prompt: 'hi' }))).toEqual({ shape: 'openai-chat', confirmed: false });
  });

  it('legacy completions under a version segment or an Azure deployment', () => {
    const body = json({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test', max_tokens: 7 });
    expect(apiCallOf('/v1/completions', '', body)).toEqual({ shape: 'openai-completions', model: 'gpt-3.5-turbo-instruct', confirmed: true });
    expect(apiCallOf('/openai/deployments/davinci/completions', '?api-version=2024-02-01', json({ prompt: 'x' }))).toEqual({ shape: 'openai-completions', confirmed: true });
    expect(apiCallOf('/v1/completions', '', chatBody('gpt-4o'))).toEqual({ shape: 'openai-completions', model: 'gpt-4o', confirmed: false });
  });

  it('responses under a version segment, and Azure unversioned', () => {
    const body = json({ model: 'gpt-4.1', input: 'Tell me a story', tools: [{ type: 'web_search_preview' }] });
    expect(apiCallOf('/v1/responses', '', body)).toEqual({ shape: 'openai-responses', model: 'gpt-4.1', confirmed: true });
    expect(apiCallOf('/openai/v1/responses', '', body)).toEqual({ shape: 'openai-responses', model: 'gpt-4.1', confirmed: true });
    expect(apiCallOf('/openai/responses', '?api-version=2025-03-01-preview', body)).toEqual({ shape: 'openai-responses', model: 'gpt-4.1', confirmed: true });
    expect(apiCallOf('/v1/responses', '', json({ model: 'gpt-4.1', messages: [] }))?.confirmed).toBe(false);
  });

  it('embeddings under a version segment or an Azure deployment', () => {
    const body = json({ model: 'text-embedding-3-small', input: ['a', 'b'], encoding_format: 'float' });
    expect(apiCallOf('/v1/embeddings', '', body)).toEqual({ shape: 'openai-embeddings', model: 'text-embedding-3-small', confirmed: true });
    expect(apiCallOf('/openai/deployments/ada-002/embeddings', '?api-version=2024-02-01', json({ input: 'x' }))).toEqual({ shape: 'openai-embeddings', confirmed: true });
    expect(apiCallOf('/v1/embeddings', '', json({ input: 'x' }))).toEqual({ shape: 'openai-embeddings', confirmed: false });
  });

  it('images: a prompt confirms, multipart edits do not', () => {
    expect(apiCallOf('/v1/images/generations', '', json({ model: 'dall-e-3', prompt: 'a cat', size: '1024x1024' }))).toEqual({ shape: 'openai-images', model: 'dall-e-3', confirmed: true });
    expect(apiCallOf('/v1/images/generations', '', json({ prompt: 'a cat' }))).toEqual({ shape: 'openai-images', confirmed: true });
    expect(apiCallOf('/v1/images/edits', '', '--boundary\r\nContent-Disposition: form-data; name="prompt"')).toEqual({ shape: 'openai-images', confirmed: false });
    // Azure puts them under a deployment, so no version segment is needed
    expect(apiCallOf('/openai/deployments/dalle3/images/generations', '?api-version=2024-02-01', json({ prompt: 'a cat', n: 1 }))).toEqual({ shape: 'openai-images', confirmed: true });
    expect(apiCallOf('/gallery/images/edits', '', json({ title: 'holiday' }))).toEqual({ shape: 'openai-images', confirmed: false });
  });

  it('audio: confirmed by a /v1/audio/ path (multipart), elsewhere only by a speech body', () => {
    const multipart = '------WebKitFormBoundary7MA4\r\nContent-Disposition: form-data; name="model"\r\n\r\nwhisper-1';
    expect(apiCallOf('/v1/audio/transcriptions', '', multipart)).toEqual({ shape: 'openai-audio', confirmed: true });
    expect(apiCallOf('/v1/audio/translations', '', undefined)).toEqual({ shape: 'openai-audio', confirmed: true });
    expect(apiCallOf('/v1/audio/speech', '', json({ model: 'tts-1', input: 'Hello', voice: 'alloy' }))).toEqual({ shape: 'openai-audio', model: 'tts-1', confirmed: true });
    expect(apiCallOf('/openai/deployments/whisper/audio/transcriptions', '?api-version=2024-06-01', multipart)).toEqual({ shape: 'openai-audio', confirmed: false });
    expect(apiCallOf('/openai/deployments/tts/audio/speech', '', json({ model: 'tts-1-hd', input: 'Hi', voice: 'nova' }))).toEqual({ shape: 'openai-audio', model: 'tts-1-hd', confirmed: true });
  });

  it('realtime: the path confirms, the model comes from the query', () => {
    expect(apiCallOf('/v1/realtime', '?model=gpt-4o-realtime-preview', undefined)).toEqual({ shape: 'openai-realtime', model: 'gpt-4o-realtime-preview', confirmed: true });
    expect(apiCallOf('/v1/realtime', '?intent=transcription&model=gpt-4o-mini-realtime-preview-2024-12-17', undefined)?.model).toBe('gpt-4o-mini-realtime-preview-2024-12-17');
    expect(apiCallOf('/v1/realtime', '', undefined)).toEqual({ shape: 'openai-realtime', confirmed: true });
    expect(apiCallOf('/v1/realtime', '?model=', undefined)).toEqual({ shape: 'openai-realtime', confirmed: true });
    expect(apiCallOf('/v1/realtime', `?model=${'m'.repeat(1000)}`, undefined)?.model).toBe('m'.repeat(256));
    expect(apiCallOf('/v1/realtime', '?model=%E0%A4%A', undefined)?.model).toMatch(/^\uFFFD/);
    expect(apiCallOf('/realtime', '?model=gpt-4o-realtime-preview', undefined)).toBeUndefined();
  });
});

describe('apiCallOf: other vendors', () => {
  it('Anthropic messages', () => {
    const body = json({ model: 'claude-3-5-sonnet-20241022', max_tokens: 1024, system: 'Be brief', messages: [{ role: 'user', content: 'Hello' }] });
    expect(apiCallOf('/v1/messages', '', body)).toEqual({ shape: 'anthropic-messages', model: 'claude-3-5-sonnet-20241022', confirmed: true });
    expect(apiCallOf('/anthropic/v1/messages', '?beta=true', body)).toEqual({ shape: 'anthropic-messages', model: 'claude-3-5-sonnet-20241022', confirmed: true });
    expect(apiCallOf('/v1/messages/count_tokens', '', body)).toBeUndefined();
    expect(apiCallOf('/v1/messages/batches', '', body)).toBeUndefined();
  });

  it('Gemini API: model and method in the last segment', () => {
    expect(apiCallOf('/v1beta/models/gemini-2.0-flash:streamGenerateContent', '?alt=sse', undefined)).toEqual({ shape: 'gemini', model: 'gemini-2.0-flash', confirmed: true });
    expect(apiCallOf('/v1beta/models/gemini-1.5-pro:generateContent', '', json({ contents: [] }))).toEqual({ shape: 'gemini', model: 'gemini-1.5-pro', confirmed: true });
    expect(apiCallOf('/v1/models/text-embedding-004:batchEmbedContents', '', undefined)?.model).toBe('text-embedding-004');
    expect(apiCallOf('/v1beta/models/gemini-2.0-flash:countTokens', '', undefined)?.shape).toBe('gemini');
    expect(apiCallOf('/v1beta/models/embedding-001:embedContent', '', undefined)?.shape).toBe('gemini');
    expect(apiCallOf('/V1BETA/MODELS/gemini-2.0-flash:GENERATECONTENT/', '', undefined)).toEqual({ shape: 'gemini', model: 'gemini-2.0-flash', confirmed: true });
  });

  it('Vertex AI: the model keeps its publishers/ prefix', () => {
    expect(apiCallOf('/v1/projects/my-project/locations/us-central1/publishers/google/models/gemini-1.5-pro:generateContent', '', undefined)).toEqual({
      shape: 'gemini',
      model: 'publishers/google/models/gemini-1.5-pro',
      confirmed: true,
    });
    expect(apiCallOf('/v1/projects/p/locations/us-east5/publishers/anthropic/models/claude-3-5-sonnet-v2@20241022:streamRawPredict', '', undefined)).toEqual({
      shape: 'gemini',
      model: 'publishers/anthropic/models/claude-3-5-sonnet-v2@20241022',
      confirmed: true,
    });
    expect(apiCallOf('/v1/projects/p/locations/l/publishers/google/models/imagen-3.0-generate-001:predict', '', undefined)?.model).toBe('publishers/google/models/imagen-3.0-generate-001');
    expect(apiCallOf('/v1/projects/p/locations/l/publishers/meta/models/llama3:rawPredict', '', undefined)?.model).toBe('publishers/meta/models/llama3');
  });

  it('Bedrock runtime: the model ID is percent-decoded', () => {
    const id = 'us.anthropic.claude-3-5-sonnet-20241022-v2:0';
    const encoded = encodeURIComponent(id);
    expect(encoded).toContain('%3A');
    for (const method of ['invoke', 'invoke-with-response-stream', 'converse', 'converse-stream']) {
      expect(apiCallOf(`/model/${encoded}/${method}`, '', json({ messages: [] }))).toEqual({ shape: 'bedrock', model: id, confirmed: true });
    }
    expect(apiCallOf('/model/amazon.titan-embed-text-v2:0/invoke', '', undefined)?.model).toBe('amazon.titan-embed-text-v2:0');
    expect(apiCallOf('/bedrock/model/meta.llama3-70b-instruct-v1%3A0/Converse/', '', undefined)?.model).toBe('meta.llama3-70b-instruct-v1:0');
  });

  it('Bedrock: inference-profile ARNs, encoded or not, and malformed escapes', () => {
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0';
    expect(apiCallOf(`/model/${encodeURIComponent(arn)}/converse`, '', undefined)?.model).toBe(arn);
    expect(apiCallOf(`/model/${arn}/converse`, '', undefined)?.model).toBe(arn);
    expect(apiCallOf('/model/bad%E0%A4%A/invoke', '', undefined)).toEqual({ shape: 'bedrock', model: 'bad%E0%A4%A', confirmed: true });
    expect(apiCallOf('/model//invoke', '', undefined)).toBeUndefined();
    expect(apiCallOf('/model/invoke', '', undefined)).toBeUndefined();
    expect(apiCallOf('/invoke', '', undefined)).toBeUndefined();
    expect(apiCallOf('/api/functions/invoke', '', undefined)).toBeUndefined();
  });

  it('Cohere chat: v2 messages, v1 message', () => {
    expect(apiCallOf('/v2/chat', '', chatBody('command-r-plus-08-2024'))).toEqual({ shape: 'cohere-chat', model: 'command-r-plus-08-2024', confirmed: true });
    expect(apiCallOf('/v1/chat', '', json({ message: 'Hello', model: 'command-r', chat_history: [] }))).toEqual({ shape: 'cohere-chat', model: 'command-r', confirmed: true });
    expect(apiCallOf('/v1/chat', '', json({ message: 'Hi there, need help?', sessionId: 'abc' }))).toEqual({ shape: 'cohere-chat', confirmed: false });
  });

  it('Ollama chat and generate', () => {
    expect(apiCallOf('/api/chat', '', chatBody('llama3.2'))).toEqual({ shape: 'ollama', model: 'llama3.2', confirmed: true });
    expect(apiCallOf('/api/generate', '', json({ model: 'qwen2.5-coder:7b', prompt: 'Why is the sky blue?', stream: false }))).toEqual({ shape: 'ollama', model: 'qwen2.5-coder:7b', confirmed: true });
    // `message` is Cohere's v1 key, not Ollama's
    expect(apiCallOf('/api/chat', '', json({ model: 'llama3.2', message: 'hi' }))).toEqual({ shape: 'ollama', model: 'llama3.2', confirmed: false });
    expect(apiCallOf('/api/generate', '', chatBody('llama3.2'))?.confirmed).toBe(false);
  });
});

describe('apiCallOf: what is not an API call', () => {
  it.each([
    '/',
    '',
    '/index.html',
    '/static/js/main.3f2a.js',
    '/chat/completions-history.html',
    '/docs/chat/completions.md',
    '/completions',
    '/search/completions',
    '/surveys/42/responses',
    '/responses',
    '/blog/embeddings',
    '/api/messages',
    '/forum/messages',
    '/v2/messages',
    '/inbox/messages/',
    '/v1/models',
    '/v1/models/gpt-4o',
    '/v1beta/models',
    '/v3/chat',
    '/chat',
    '/support/chat',
    '/generate',
    '/gallery/edits',
    '/music/speech',
    '/wiki/Special:Search',
    '/v1beta/models/gemini-2.0-flash:unknownMethod',
    '/v1beta/models/:generateContent',
    '/v1beta/tunedModels/my-model:generateContent',
    '/v1/projects/p/locations/l/endpoints/123:predict',
    '/files/report:generateContent',
  ])('%j', (path) => {
    expect(apiCallOf(path, '', chatBody('gpt-4o'))).toBeUndefined();
    expect(shapeOfPath(path)).toBeUndefined();
  });

  it('a GET to a generic path has a shape but is not confirmed', () => {
    expect(apiCallOf('/v1/chat/completions', '', undefined)).toEqual({ shape: 'openai-chat', confirmed: false });
    expect(apiCallOf('/api/chat', '?session=1', '')).toEqual({ shape: 'ollama', confirmed: false });
    expect(apiCallOf('/v1/messages', '', undefined)).toEqual({ shape: 'anthropic-messages', confirmed: false });
  });

  it('a generic path with a body of another shape is not confirmed, but keeps its model', () => {
    expect(apiCallOf('/v1/chat/completions', '', json({ model: 'gpt-4o', input: 'x' }))).toEqual({ shape: 'openai-chat', model: 'gpt-4o', confirmed: false });
    expect(apiCallOf('/v1/chat/completions', '', 'model=gpt-4o&messages=x')).toEqual({ shape: 'openai-chat', confirmed: false });
    expect(apiCallOf('/v1/chat/completions', '', '[{"model":"gpt-4o","messages":[]}]')).toEqual({ shape: 'openai-chat', confirmed: false });
  });

  it('ignores pathnames longer than 2048 characters', () => {
    const path = `/${'a/'.repeat(1030)}v1/chat/completions`;
    expect(path.length).toBeGreaterThan(2048);
    expect(apiCallOf(path, '', chatBody('gpt-4o'))).toBeUndefined();
    expect(shapeOfPath(path)).toBeUndefined();
    const fits = `/${'a/'.repeat(1000)}v1/chat/completions`;
    expect(apiCallOf(fits, '', chatBody('gpt-4o'))?.confirmed).toBe(true);
  });
});

describe('apiCallOf: hostile bodies', () => {
  it('a model nested in tools or metadata does not count', () => {
    const body = json({ messages: [], tools: [{ model: 'x' }], metadata: { model: 'y' } });
    expect(apiCallOf('/v1/chat/completions', '', body)).toEqual({ shape: 'openai-chat', confirmed: false });
  });

  it('a model inside message content does not count', () => {
    const body = json({ messages: [{ role: 'user', content: '{"model": "gpt-4o", "messages": []}' }] });
    expect(apiCallOf('/v1/chat/completions', '', body)).toEqual({ shape: 'openai-chat', confirmed: false });
  });

  it('a truncated body confirms from the keys seen before the cut', () => {
    const body = chatBody('gpt-4o').slice(0, 40);
    expect(apiCallOf('/v1/chat/completions', '', body)).toEqual({ shape: 'openai-chat', model: 'gpt-4o', confirmed: true });
    expect(apiCallOf('/v1/chat/completions', '', '{"model":"gpt-4o","mess')).toEqual({ shape: 'openai-chat', model: 'gpt-4o', confirmed: false });
  });

  it('a 5 MB body with its model past the scan limit neither names nor confirms it', () => {
    const body = json({ messages: [{ role: 'user', content: 'x'.repeat(5 * 1024 * 1024) }], model: 'deepseek-chat' });
    expect(apiCallOf('/v1/chat/completions', '', body)).toEqual({ shape: 'openai-chat', confirmed: false });
  });

  it('decodes an escaped model', () => {
    expect(apiCallOf('/api/v1/chat/completions', '', '{"model":"deepseek\\u002fdeepseek-r1","messages":[]}')?.model).toBe('deepseek/deepseek-r1');
    expect(apiCallOf('/api/v1/chat/completions', '', '{"model":"deepseek\\/deepseek-r1","messages":[]}')?.model).toBe('deepseek/deepseek-r1');
  });

  it('a non-string model fits the shape but names no model', () => {
    expect(apiCallOf('/v1/chat/completions', '', '{"model":42,"messages":[]}')).toEqual({ shape: 'openai-chat', confirmed: true });
    expect(apiCallOf('/v1/chat/completions', '', '{"model":"","messages":[]}')).toEqual({ shape: 'openai-chat', confirmed: true });
  });

  it('__proto__ keys are plain keys', () => {
    const body = '{"__proto__":{"model":"x"},"constructor":{"prototype":{}},"model":"gpt-4o","messages":[]}';
    expect(apiCallOf('/v1/chat/completions', '', body)).toEqual({ shape: 'openai-chat', model: 'gpt-4o', confirmed: true });
    expect(apiCallOf('/v1/chat/completions', '', '{"__proto__":[],"messages":[]}')).toEqual({ shape: 'openai-chat', confirmed: false });
  });

  it('the path model wins over a body model', () => {
    expect(apiCallOf('/v1beta/models/gemini-2.0-flash:generateContent', '', json({ model: 'other' }))?.model).toBe('gemini-2.0-flash');
  });

  it.each([
    ['unicode paths', '/v1/模型/chat/completions', '{"model":"模型","messages":[]}'],
    ['percent-encoded garbage', '/model/%/invoke', undefined],
    ['control characters', '/v1/chat/\u0000/completions', '\u0000'],
    ['lone surrogates', '/models/\uD800:generateContent', '{"\uDC00":1}'],
    ['slashes only', '////', '{'],
    ['colons only', ':::', '{"model":'],
  ])('never throws on %s', (_, path, body) => {
    expect(() => apiCallOf(path, '?model=%', body)).not.toThrow();
    expect(() => shapeOfPath(path)).not.toThrow();
  });
});

describe('shapeOfPath', () => {
  it('names the shape, and the model when the path carries one', () => {
    expect(shapeOfPath('/v1/chat/completions')).toEqual({ shape: 'openai-chat' });
    expect(shapeOfPath('/openai/deployments/gpt4o/chat/completions')).toEqual({ shape: 'openai-chat' });
    expect(shapeOfPath('/v1/messages')).toEqual({ shape: 'anthropic-messages' });
    expect(shapeOfPath('/api/generate')).toEqual({ shape: 'ollama' });
    expect(shapeOfPath('/v1/realtime')).toEqual({ shape: 'openai-realtime' });
    expect(shapeOfPath('/v1beta/models/gemini-2.0-flash:streamGenerateContent')).toEqual({ shape: 'gemini', model: 'gemini-2.0-flash' });
    expect(shapeOfPath('/model/us.anthropic.claude-3-5-sonnet-20241022-v2%3A0/converse-stream')).toEqual({
      shape: 'bedrock',
      model: 'us.anthropic.claude-3-5-sonnet-20241022-v2:0',
    });
  });

  it('returns only shape and model', () => {
    expect(Object.keys(shapeOfPath('/v1/embeddings') ?? {})).toEqual(['shape']);
    expect(Object.keys(shapeOfPath('/model/x/invoke') ?? {})).toEqual(['shape', 'model']);
  });

  it('cuts a path model to 256 characters', () => {
    expect(shapeOfPath(`/model/${'m'.repeat(1000)}/invoke`)?.model).toBe('m'.repeat(256));
    expect(shapeOfPath(`/v1beta/models/${'g'.repeat(1000)}:generateContent`)?.model).toBe('g'.repeat(256));
  });
});
