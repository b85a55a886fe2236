/**
 * Splits the model string of an API request into the organisation it names (if any) and the
 * model name, across the formats resellers use (docs/data.md, "routing"):
 *   deepseek-chat                                   → name deepseek-chat
 *   deepseek/deepseek-chat:free (OpenRouter)        → namespace deepseek, name deepseek-chat:free
 *   deepseek-ai/DeepSeek-V3 (Together, SiliconFlow) → namespace deepseek-ai, name deepseek-v3
 *   accounts/fireworks/models/deepseek-v3           → name deepseek-v3
 *   publishers/anthropic/models/claude-3-5-sonnet   → namespace anthropic, name claude-3-5-sonnet
 *   models/gemini-1.5-pro (Gemini API)              → name gemini-1.5-pro
 *   @cf/meta/llama-3.1-8b-instruct (Cloudflare)     → namespace meta, name llama-3.1-8b-instruct
 *   us.anthropic.claude-3-5-sonnet-v2:0 (Bedrock)   → namespace anthropic, name claude-3-5-sonnet-v2:0
 * Model strings come from web pages: the input is bounded and never trusted beyond a lookup key.
 */
export const MAX_MODEL_LENGTH = 256;

export interface ModelName {
  namespace?: string;
  name: string;
  /** Bedrock-style `vendor.model` whose vendor is not a known namespace: the part after it. */
  unprefixed?: string;
}

/** Bedrock's cross-region inference prefixes (`us.`, `eu.`, ...), before the vendor. */
const BEDROCK_RE = /^(?:(?:us|eu|apac|global|us-gov|jp|au|ca)\.)?([a-z0-9-]+)\.(.+)$/;

export function parseModelName(raw: string, isNamespace: (ns: string) => boolean): ModelName | undefined {
  const s = raw.trim().toLowerCase().slice(0, MAX_MODEL_LENGTH);
  const segments = s.split('/').filter((x) => x !== '' && x !== '@cf' && x !== '@hf');
  const name = segments.at(-1)?.replace(/^~/, '');
  if (!name) return undefined;
  if (segments.length === 1) {
    const bedrock = BEDROCK_RE.exec(name);
    if (bedrock && isNamespace(bedrock[1]!)) return { namespace: bedrock[1]!, name: bedrock[2]! };
    return bedrock ? { name, unprefixed: bedrock[2]! } : { name };
  }
  const publishers = segments.indexOf('publishers');
  let namespace = publishers >= 0 ? segments[publishers + 1] : segments.at(-2);
  if (namespace === 'models' && publishers < 0) namespace = segments.length >= 4 && segments[0] !== 'accounts' ? segments.at(-3) : undefined;
  namespace = namespace?.replace(/^~/, '');
  return namespace ? { namespace, name } : { name };
}
