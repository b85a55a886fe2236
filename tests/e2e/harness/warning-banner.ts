/**
 * The in-page warning's closed shadow root, as DevTools sees it: neither the page nor Playwright's
 * locators (open roots only) can read it, but DOM.getDocument with `pierce: true` returns closed
 * roots too. Buttons are clicked at their box with a real, trusted mouse click.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './extension.ts';

export interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export function* walk(node: CdpNode): Generator<CdpNode> {
  yield node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) yield* walk(child);
}

/** The banner's host element and its (closed) shadow content, as DevTools sees them; null when absent. */
export async function bannerNodes(cdp: CDPSession): Promise<{ host: CdpNode; kind: string | undefined; text: string; org: string; buttons: CdpNode[] } | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const host = [...walk(root)].find((n) => n.attributes?.includes('data-ajg-warning'));
  if (!host) return null;
  const inside = (host.shadowRoots ?? []).flatMap((r) => [...walk(r)]);
  const text = (node: CdpNode): string => [...walk(node)].filter((n) => n.nodeType === 3).map((n) => n.nodeValue).join('');
  const classOf = (n: CdpNode) => n.attributes?.[n.attributes.indexOf('class') + 1];
  const paragraph = inside.find((n) => n.nodeName === 'P' && classOf(n) === 'text');
  const org = inside.find((n) => n.nodeName === 'P' && classOf(n) === 'org');
  const box = inside.find((n) => n.attributes?.includes('data-kind'));
  const kind = box?.attributes?.[box.attributes.indexOf('data-kind') + 1];
  return { host, kind, text: paragraph ? text(paragraph) : '', org: org ? text(org) : '', buttons: inside.filter((n) => n.nodeName === 'BUTTON').map((b) => ({ ...b, nodeValue: text(b) })) };
}

export async function bannerText(cdp: CDPSession): Promise<string | null> {
  return (await bannerNodes(cdp))?.text ?? null;
}

/** A real mouse click (trusted) in the middle of the banner button labelled `label`. */
export async function clickBannerButton(page: Page, cdp: CDPSession, label: string): Promise<void> {
  const button = (await bannerNodes(cdp))?.buttons.find((b) => b.nodeValue === label);
  if (!button) throw new Error(`no banner button ${label}`);
  const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as { model: { content: number[] } };
  const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
  await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
}


export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const intersects = (a: Box, b: Box): boolean => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Where the banner's host, the page's text box (`[data-field]`) and its newest message (`[data-last]`, the part
 * inside the window) are, as the page itself measures them (the host element is in the page's DOM;
 * only its content is closed).
 */
export async function chatGeometry(page: Page): Promise<{ banner: Box | null; field: Box; last: Box; view: { width: number; height: number } }> {
  return page.evaluate(() => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const host = document.querySelector('[data-ajg-warning]');
    const last = box(document.querySelector('[data-last]')!);
    const visible = { left: Math.max(last.left, 0), top: Math.max(last.top, 0), right: Math.min(last.right, innerWidth), bottom: Math.min(last.bottom, innerHeight) };
    return { banner: host && box(host), field: box(document.querySelector('[data-field]')!), last: visible, view: { width: innerWidth, height: innerHeight } };
  });
}

/** What the banner covers of the chat's text box and newest message: [] when it covers neither. */
export async function bannerCovers(page: Page): Promise<string[]> {
  const g = await chatGeometry(page);
  if (!g.banner) return ['no banner'];
  const out: string[] = [];
  if (intersects(g.banner, g.field)) out.push(`field ${JSON.stringify(g.field)} under banner ${JSON.stringify(g.banner)}`);
  if (intersects(g.banner, g.last)) out.push(`last message ${JSON.stringify(g.last)} under banner ${JSON.stringify(g.banner)}`);
  if (g.banner.top < 0 || g.banner.bottom > g.view.height || g.banner.left < 0 || g.banner.right > g.view.width) out.push(`banner ${JSON.stringify(g.banner)} outside the window`);
  return out;
}

/**
 * Runs `expression` in the extension's content-script (isolated) world of `page`'s top frame:
 * what a compromised renderer, or the content script itself, could send.
 */
export async function inContentScript(cdp: CDPSession, expression: string): Promise<unknown> {
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string; frameId?: string } }> = [];
  const collect = ({ context }: { context: (typeof contexts)[number] }) => void contexts.push(context);
  cdp.on('Runtime.executionContextCreated', collect);
  await cdp.send('Runtime.enable');
  cdp.off('Runtime.executionContextCreated', collect);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.name === 'AI Jurisdiction Guard');
  if (!isolated) throw new Error(`no content script world among ${contexts.map((c) => c.name).join(', ')}`);
  const { result } = (await cdp.send('Runtime.evaluate', { expression, contextId: isolated.id, awaitPromise: true, returnByValue: true })) as { result: { value: unknown } };
  await cdp.send('Runtime.disable');
  return result.value;
}

/** The window as the user sees it (artifacts/screenshots/<name>.png): a full-page capture would move fixed elements. */
export async function windowShot(page: Page, name: string): Promise<void> {
  const dir = resolve(ARTIFACTS_DIR, 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: resolve(dir, `${name}.png`) });
}

/** One element as it looks (artifacts/screenshots/<name>.png). */
export async function elementShot(locator: Locator, name: string): Promise<void> {
  const dir = resolve(ARTIFACTS_DIR, 'screenshots');
  await mkdir(dir, { recursive: true });
  await locator.screenshot({ path: resolve(dir, `${name}.png`) });
}
