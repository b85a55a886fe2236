/**
 * Records every network request the extension's own service worker makes, through the DevTools
 * protocol (Network domain on the worker's target). The extension must never phone home, so a
 * test runs a whole visit and expects this list to stay empty.
 */
import type { CDPSession } from 'playwright-core';
import type { ExtensionBrowser } from './browser.ts';

export interface NetworkWatch {
  urls: string[];
  /** Runs `expression` in the watched worker (used to prove the watch sees requests at all). */
  evaluate(expression: string): Promise<void>;
}

export async function watchServiceWorkerNetwork(ext: ExtensionBrowser): Promise<NetworkWatch> {
  await ext.serviceWorker();
  const cdp: CDPSession = await ext.context.newCDPSession(await ext.extensionPage());
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`));
  if (!worker) throw new Error('the extension service worker is not running');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  const urls: string[] = [];
  let nextId = 1;
  const pending = new Map<number, () => void>();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const message = JSON.parse(e.message) as { id?: number; method?: string; params?: { request?: { url: string } } };
    if (message.method === 'Network.requestWillBeSent' && message.params?.request) urls.push(message.params.request.url);
    if (message.id !== undefined) pending.get(message.id)?.();
  });
  const send = async (method: string, params: object = {}) => {
    const id = nextId++;
    const done = new Promise<void>((ok) => pending.set(id, ok));
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    await done;
  };
  await send('Network.enable');
  return { urls, evaluate: (expression) => send('Runtime.evaluate', { expression, awaitPromise: true }) };
}
