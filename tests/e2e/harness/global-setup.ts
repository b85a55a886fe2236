/** Runs once before the e2e files: the built extension and Chromium must both be there. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DIST_CHROME } from './browser.ts';
import { assertChromium } from './chromium.ts';
import { DIST_FIREFOX } from './firefox.ts';
import { restoreAllPolicyFiles } from './policy-files.ts';

export default function setup(): void {
  for (const dist of [DIST_CHROME, DIST_FIREFOX]) {
    if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run \`npm run build\` first (npm test does it for you).`);
  }
  assertChromium();
  // A run killed during a managed-policy test leaves its policy file behind: put things back.
  restoreAllPolicyFiles();
}
