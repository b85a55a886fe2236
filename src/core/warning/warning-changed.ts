/**
 * Background → the top frame's content script of a tab that shows the banner: the settings or the
 * policy changed, so ask again (`content-to-bg/get-warning`). It carries nothing; what to show is
 * decided as for any question, from the browser's record of the asking page. A file of its own
 * (listed in messages.ts) so the content script, which runs in every frame, imports only this.
 */
export interface BgToContentWarningChanged {
  type: 'bg-to-content/warning-changed';
}

/** The content script's check of what arrives on runtime.onMessage: exactly this message, or nothing. */
export function isWarningChanged(raw: unknown): raw is BgToContentWarningChanged {
  return typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'bg-to-content/warning-changed' && Object.keys(raw).length === 1;
}
