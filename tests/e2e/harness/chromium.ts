/** Where Debian's Chromium is (never a browser downloaded by a test tool). */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Run \`npm test\` (it installs Debian's chromium with apt) or set CHROMIUM_PATH.`);
  }
}
