/**
 * Reads the organization's policy from storage.managed. Chrome can take seconds to deliver it at
 * start-up, and Firefox rejects the read when no policies.json names the extension, so callers
 * never wait on this before protecting: they start from the last policy read (settings-store.ts).
 */
import browser from 'webextension-polyfill';

export type ManagedRead = { ok: true; raw: Record<string, unknown> } | { ok: false; error: string };

/** Firefox's rejection when there is simply no policy for the extension. */
const NO_POLICY_RE = /managed storage manifest not found/i;

export async function readManagedPolicy(): Promise<ManagedRead> {
  try {
    return { ok: true, raw: await browser.storage.managed.get(null) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return NO_POLICY_RE.test(message) ? { ok: true, raw: {} } : { ok: false, error: message };
  }
}
