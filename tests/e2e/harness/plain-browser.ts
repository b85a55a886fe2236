/**
 * The same Debian Chromium as launchExtension (browser.ts), with the same switches and host
 * mapping, but with no extension: the reference a page with the extension is compared against
 * (tests/e2e/hook-transparency.e2e.test.ts).
 */
import { type FixtureChromium, launchChromium, type LaunchOptions } from './browser.ts';

export type PlainBrowser = FixtureChromium;

export function launchPlainBrowser(options: LaunchOptions): Promise<PlainBrowser> {
  return launchChromium(options, false);
}
