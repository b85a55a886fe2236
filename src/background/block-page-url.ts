/**
 * Whether an address is the extension's block page. The redirect rules point at getURL of the
 * page, which for a `use_dynamic_url` resource is its dynamic address, while the page a redirect
 * lands on (and so a message sender's URL) has the static one: both are recognised, by the path
 * under the extension's own root.
 */
import browser from 'webextension-polyfill';
import { BLOCK_PAGE_PATH } from '../core/constants.ts';

export function isBlockPageUrl(url: string | undefined): boolean {
  if (url === undefined) return false;
  if (url.startsWith(browser.runtime.getURL(BLOCK_PAGE_PATH))) return true;
  const root = browser.runtime.getURL('');
  return url.startsWith(root) && url.slice(root.length).split(/[?#]/)[0] === BLOCK_PAGE_PATH;
}
