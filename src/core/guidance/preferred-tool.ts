/**
 * "My preferred AI tool" (issue 19): the individual's counterpart of the organization's
 * `approvedAlternatives`. A person names the AI tool they would rather use, and the block page,
 * the in-page warning and the popup offer it where a service is blocked or risky. It is a user
 * setting (an organization may set a default or lock it, as any other), bounded and checked as
 * the policy's tools are: a name of plain text and an https address.
 */
import { httpsUrl } from './guidance-policy.ts';

export interface PreferredTool {
  name: string;
  url: string;
}

export const MAX_TOOL_NAME = 60;

/** The tool, or why it cannot be one; `null` clears the setting. */
export function preferredToolOf(value: unknown): { ok: PreferredTool | null } | { problem: string } {
  if (value === null) return { ok: null };
  if (typeof value !== 'object' || Array.isArray(value)) return { problem: 'is not an object with a name and an https url' };
  const { name, url, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length) return { problem: `unknown field ${JSON.stringify(Object.keys(rest)[0]!.slice(0, 40))} (allowed: name, url)` };
  const text = typeof name === 'string' ? name.trim() : '';
  if (!text || [...text].length > MAX_TOOL_NAME || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)) return { problem: `name must be a text of 1 to ${MAX_TOOL_NAME} characters on one line` };
  const href = httpsUrl(url);
  if (!href) return { problem: 'url must be an https address' };
  return { ok: { name: text, url: href } };
}
