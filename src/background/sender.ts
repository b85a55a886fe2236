/** What the browser (not the page) says about the document behind a message. */
import type { Runtime } from 'webextension-polyfill';

/** Chrome 106+ adds the document's lifecycle and ID to message senders; Firefox does not. */
type ChromeSender = Runtime.MessageSender & { documentLifecycle?: string; documentId?: string };

/** A prerendering, cached or unloading document is not what the tab shows. */
export function isActiveDocument(sender: Runtime.MessageSender): boolean {
  const lifecycle = (sender as ChromeSender).documentLifecycle;
  return lifecycle === undefined || lifecycle === 'active';
}

export function documentIdOf(sender: Runtime.MessageSender): string | undefined {
  const id = (sender as ChromeSender).documentId;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : undefined;
}
