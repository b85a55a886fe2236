/**
 * Which of the manifest's host permissions the browser grants now (the user may have withheld or
 * withdrawn them), as the notice to show (core/permissions/access-notice.ts), followed live while
 * the page is open. `request()` must run straight from a click: browsers grant permissions only
 * during a user gesture, and an `await` before the call would lose it.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { type AccessNotice, accessNotice, type HostAccess } from '../core/permissions/access-notice.ts';
import { sitePatternOf } from '../core/permissions/site-pattern.ts';

export interface HostAccessView {
  /** Undefined while it is being read, and when nothing is missing. */
  notice: AccessNotice | undefined;
  /** What came of the last request from this page. */
  outcome: 'granted' | 'refused' | undefined;
  request(): void;
}

const granted = (origins: string[]) => browser.permissions.contains({ origins }).catch(() => false);

async function readAccess(pageUrl: string | undefined): Promise<HostAccess> {
  const needed = browser.runtime.getManifest().host_permissions ?? [];
  const answers = await Promise.all(needed.map((p) => granted([p])));
  const access: HostAccess = { needed, granted: Object.fromEntries(needed.map((p, i) => [p, answers[i]!])) };
  const pattern = pageUrl ? sitePatternOf(pageUrl) : undefined;
  if (pattern) access.site = { host: new URL(pageUrl!).hostname, pattern, granted: await granted([pattern]) };
  return access;
}

/** `pageUrl`: the page the view is about (the popup's tab); without one, every needed pattern counts. */
export function useHostAccess(pageUrl?: string): HostAccessView {
  const [notice, setNotice] = useState<AccessNotice | undefined>(undefined);
  const [outcome, setOutcome] = useState<HostAccessView['outcome']>(undefined);
  useEffect(() => {
    let live = true;
    const refresh = () => void readAccess(pageUrl).then((access) => live && setNotice(accessNotice(access)), () => undefined);
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, [pageUrl]);
  const request = useCallback(() => {
    if (!notice) return;
    browser.permissions.request({ origins: notice.request }).then(
      (ok) => setOutcome(ok ? 'granted' : 'refused'),
      () => setOutcome('refused'),
    );
  }, [notice]);
  return { notice, outcome, request };
}
