/**
 * A random ID for this document, so the background can tell a late "page left" of an old
 * document from the report of the new one. getRandomValues, not randomUUID: the latter exists
 * only in secure contexts, and content scripts also run on http:// pages.
 */
export function newDocumentId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
