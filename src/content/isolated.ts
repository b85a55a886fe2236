/**
 * Isolated-world content script, in every http(s) frame at document_start. It tells the
 * background that this frame's document started; the background decides, from the database,
 * whether that is an AI product. The page cannot reach this world's variables, but it controls
 * the DOM, so nothing read from the DOM is trusted here.
 */
import { sendMessage } from '../shared/send-message.ts';

sendMessage({ type: 'content-to-bg/page-seen', url: location.href }).catch(() => {
  // The extension was reloaded or updated under this page: this script is orphaned and the
  // new one will run on the next navigation. Nothing to tell the page.
});
