/// <reference types="chrome" />
/**
 * What a test needs to look inside the running extension: its stored tab state, the toolbar
 * badge of a tab, the popup (as a tab, or the real toolbar popup), screenshots, and stopping
 * the service worker as the browser does when it is idle.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { TabState } from '../../../src/core/tab-state.ts';
import type { ExtensionBrowser } from './browser.ts';

export const ARTIFACTS_DIR = resolve(import.meta.dirname, '../../../artifacts');

/** Everything in the extension's storage.session. */
export async function storedSession(ext: ExtensionBrowser): Promise<Record<string, unknown>> {
  return (await ext.extensionPage()).evaluate(() => chrome.storage.session.get(null));
}

export async function tabState(ext: ExtensionBrowser, tabId: number): Promise<TabState | undefined> {
  return (await storedSession(ext))[`tab:${tabId}`] as TabState | undefined;
}

/**
 * The browser's tab ID of a Playwright page: the page is brought to the front and the
 * extension asks which tab is active (tab IDs need no permission).
 */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  const probe = await ext.extensionPage();
  await page.bringToFront();
  const id = await probe.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  });
  if (id === undefined) throw new Error(`no active tab found for ${page.url()}`);
  return id;
}

export interface ToolbarBadge {
  text: string;
  title: string;
  /** RGBA, as chrome.action.getBadgeBackgroundColor returns it. */
  color: number[];
}

export async function toolbarBadge(ext: ExtensionBrowser, tabId: number): Promise<ToolbarBadge> {
  return (await ext.extensionPage()).evaluate(async (id) => ({
    text: await chrome.action.getBadgeText({ tabId: id }),
    title: await chrome.action.getTitle({ tabId: id }),
    color: await chrome.action.getBadgeBackgroundColor({ tabId: id }),
  }), tabId);
}

/** Opens the popup UI in a new tab, as `popup.html?tab=<id>` (how support staff open it too). */
export async function openPopup(ext: ExtensionBrowser, tabId: number): Promise<Page> {
  const page = await ext.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tabId}`);
  return page;
}

/**
 * Opens the real toolbar popup for `page` (chrome.action.openPopup) and returns a way to run
 * expressions in it. Playwright does not attach to popup targets, so this speaks to it through
 * the DevTools protocol.
 */
export async function openToolbarPopup(ext: ExtensionBrowser, page: Page): Promise<RemoteTarget> {
  const probe = await ext.extensionPage();
  await page.bringToFront();
  await probe.evaluate(() => chrome.action.openPopup());
  return attachToolbarPopup(ext, page);
}

/**
 * Waits for the toolbar popup, however it was opened (openToolbarPopup, a click, the keyboard
 * shortcut), and attaches to it through a DevTools session of `page`.
 */
export async function attachToolbarPopup(ext: ExtensionBrowser, page: Page, timeoutMs = 5000): Promise<RemoteTarget> {
  const cdp = await ext.context.newCDPSession(page);
  const popupUrl = `chrome-extension://${ext.extensionId}/popup.html`;
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'page' && t.url === popupUrl);
    if (target) return RemoteTarget.attach(cdp, target.targetId);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  await cdp.detach().catch(() => undefined);
  throw new Error('the toolbar popup did not open');
}

/** A page target reached through a non-flattened CDP session (Target.sendMessageToTarget). */
type CdpReply = { id?: number; result?: any; error?: unknown };

export class RemoteTarget {
  private nextId = 1;
  private readonly pending = new Map<number, (m: CdpReply) => void>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
    readonly targetId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId !== this.sessionId) return;
      const message = JSON.parse(e.message) as CdpReply;
      if (message.id !== undefined) this.pending.get(message.id)?.(message);
    });
  }

  static async attach(cdp: CDPSession, targetId: string): Promise<RemoteTarget> {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    return new RemoteTarget(cdp, sessionId, targetId);
  }

  async evaluate<T>(expression: string): Promise<T> {
    const id = this.nextId++;
    const reply = new Promise<CdpReply>((ok) => this.pending.set(id, ok));
    const params = { expression, returnByValue: true, awaitPromise: true };
    await this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params }) });
    const message = await reply;
    this.pending.delete(id);
    if (message.error) throw new Error(`evaluate failed: ${JSON.stringify(message.error)}`);
    return message.result?.result.value as T;
  }

  /** The visible text of `selector`, or null while it is not there. */
  text(selector: string): Promise<string | null> {
    return this.evaluate(`document.querySelector(${JSON.stringify(selector)})?.innerText ?? null`);
  }

  /** Sends any DevTools command to the target (Page.captureScreenshot, Emulation.…). */
  async send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const reply = new Promise<CdpReply>((ok) => this.pending.set(id, ok));
    await this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    const message = await reply;
    this.pending.delete(id);
    if (message.error) throw new Error(`${method} failed: ${JSON.stringify(message.error)}`);
    return message.result as T;
  }

  /** The popup window's size and whether its content fits it (CSS pixels). */
  metrics(): Promise<PopupMetrics> {
    return this.evaluate(`({
      width: innerWidth, height: innerHeight, clientWidth: document.documentElement.clientWidth,
      scrollWidth: document.documentElement.scrollWidth, scrollHeight: document.documentElement.scrollHeight,
      bodyWidth: document.body.getBoundingClientRect().width,
    })`);
  }

  /**
   * Saves what the popup window shows to artifacts/screenshots/<name>.png: captured from the
   * popup target itself, so it is the popup as sized by the browser, not a tab imitating it.
   */
  async screenshot(name: string): Promise<string> {
    const { data } = await this.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    const dir = resolve(ARTIFACTS_DIR, 'screenshots');
    await mkdir(dir, { recursive: true });
    const path = resolve(dir, `${name}.png`);
    await writeFile(path, Buffer.from(data, 'base64'));
    return path;
  }

  /** Closes the popup window (as a click elsewhere would), waits until it is gone, and detaches. */
  async close(): Promise<void> {
    // No reply comes from a window that closes itself: send without waiting for one.
    const message = JSON.stringify({ id: this.nextId++, method: 'Runtime.evaluate', params: { expression: 'window.close()' } });
    await this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message }).catch(() => undefined);
    for (let tries = 0; tries < 50; tries++) {
      const { targetInfos } = await this.cdp.send('Target.getTargets');
      if (!targetInfos.some((t) => t.targetId === this.targetId)) break;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    await this.cdp.detach().catch(() => undefined);
  }
}

export interface PopupMetrics {
  /** The popup window's viewport (innerWidth/innerHeight). */
  width: number;
  height: number;
  /** The width left for the page, without a vertical scroll bar. */
  clientWidth: number;
  scrollWidth: number;
  scrollHeight: number;
  bodyWidth: number;
}

export async function openOptions(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  return page;
}

/** Saves a full-page screenshot to artifacts/screenshots/<name>.png (git-ignored) and returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = resolve(ARTIFACTS_DIR, 'screenshots');
  await mkdir(dir, { recursive: true });
  const path = resolve(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Stops the extension's service worker as the browser does when it is idle (DevTools
 * ServiceWorker.stopAllWorkers, sent from an extension page so it reaches the extension's
 * worker) and waits until it has stopped. The next event starts a fresh one.
 */
export async function stopServiceWorker(ext: ExtensionBrowser): Promise<void> {
  const cdp = await ext.context.newCDPSession(await ext.extensionPage());
  const stopped = new Promise<void>((ok) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.length > 0 && versions.every((v) => v.runningStatus === 'stopped')) ok();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

export type HostAccess = 'ON_CLICK' | 'ON_SPECIFIC_SITES' | 'ON_ALL_SITES';

/**
 * Chrome's own "Site access" setting for the extension, set as chrome://extensions sets it
 * (chrome.developerPrivate, which only that page has): on click, on specific sites (`site`), on all sites.
 */
export async function setSiteAccess(ext: ExtensionBrowser, hostAccess: HostAccess, site?: string): Promise<void> {
  const page = await ext.newPage();
  await page.goto('chrome://extensions/');
  await page.evaluate(
    async ({ id, hostAccess, site }) => {
      const dev = (globalThis as unknown as { chrome: { developerPrivate: any } }).chrome.developerPrivate;
      await dev.updateExtensionConfiguration({ extensionId: id, hostAccess });
      if (site) await dev.addHostPermission(id, site);
    },
    { id: ext.extensionId, hostAccess, site },
  );
  await page.close();
}
