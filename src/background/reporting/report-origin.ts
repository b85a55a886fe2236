/**
 * What identifies this installation to the organization's collector, and nothing more: a random
 * ID made on first use (storage.local `report:installation`), the browser's family and the
 * extension's version. The person, if anyone, is named only by the policy's `identity`.
 */
import browser from 'webextension-polyfill';
import type { ReportOrigin } from '../../core/reporting/report-event.ts';

const INSTALLATION_KEY = 'report:installation';

let id: Promise<string> | undefined;

export function installationId(): Promise<string> {
  id ??= (async () => {
    const stored = (await browser.storage.local.get(INSTALLATION_KEY))[INSTALLATION_KEY];
    if (typeof stored === 'string' && /^[0-9a-f-]{36}$/.test(stored)) return stored;
    const made = crypto.randomUUID();
    await browser.storage.local.set({ [INSTALLATION_KEY]: made });
    return made;
  })().catch((error: unknown) => {
    id = undefined;
    throw error;
  });
  return id;
}

function browserFamily(): string {
  if ('getBrowserInfo' in browser.runtime) return 'firefox';
  const nav = (globalThis as { navigator?: Navigator & { userAgentData?: { brands?: { brand: string }[] } } }).navigator;
  const brands = nav?.userAgentData?.brands ?? [];
  return brands.some((b) => b.brand === 'Microsoft Edge') ? 'edge' : 'chrome';
}

export function reportOrigin(): ReportOrigin {
  return { browser: browserFamily(), extensionVersion: browser.runtime.getManifest().version };
}
