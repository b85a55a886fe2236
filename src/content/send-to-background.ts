/**
 * runtime.sendMessage for content scripts, without webextension-polyfill: the polyfill is about
 * 1,000 lines that every frame of every page would parse at document_start (`npm run bench`,
 * "first page script"), and both targets already have a promise-returning sendMessage
 * (Chrome 99+ `chrome.runtime`, Firefox `browser.runtime`). Extension pages keep the polyfill
 * (src/shared/send-message.ts).
 */
import type { MessageType, RequestOf, ResponseOf } from '../core/messages.ts';

interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
}

declare const browser: { runtime: Runtime } | undefined;
declare const chrome: { runtime: Runtime } | undefined;

export function sendToBackground<T extends MessageType>(message: RequestOf<T> & { type: T }): Promise<ResponseOf<T>> {
  try {
    const runtime = typeof browser !== 'undefined' ? browser.runtime : chrome!.runtime;
    return runtime.sendMessage(message) as Promise<ResponseOf<T>>;
  } catch (error) {
    // Chrome throws synchronously once the extension was reloaded under this page.
    return Promise.reject(error);
  }
}
