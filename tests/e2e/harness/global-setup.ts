/** Runs once before the e2e files: the built extension and Chromium must both be there. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_CHROME } from './browser.ts';
import { assertChromium } from './chromium.ts';

export default function setup(): void {
  if (!existsSync(join(DIST_CHROME, 'manifest.json'))) {
    throw new Error(`${DIST_CHROME} is missing: run \`npm run build\` first (npm test does it for you).`);
  }
  assertChromium();
}
