/**
 * The in-page warning's closed shadow root, as DevTools sees it: neither the page nor Playwright's
 * locators (open roots only) can read it, but DOM.getDocument with `pierce: true` returns closed
 * roots too. Buttons are clicked at their box with a real, trusted mouse click.
 */
import type { CDPSession, Page } from 'playwright-core';

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
export async function bannerNodes(cdp: CDPSession): Promise<{ host: CdpNode; text: string; buttons: CdpNode[] } | null> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const host = [...walk(root)].find((n) => n.attributes?.includes('data-ajg-warning'));
  if (!host) return null;
  const inside = (host.shadowRoots ?? []).flatMap((r) => [...walk(r)]);
  const text = (node: CdpNode): string => [...walk(node)].filter((n) => n.nodeType === 3).map((n) => n.nodeValue).join('');
  const paragraph = inside.find((n) => n.nodeName === 'P' && n.attributes?.join(' ') === 'class text');
  return { host, text: paragraph ? text(paragraph) : '', buttons: inside.filter((n) => n.nodeName === 'BUTTON').map((b) => ({ ...b, nodeValue: text(b) })) };
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

