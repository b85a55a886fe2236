#!/usr/bin/env node
// `npm start`: install, build both targets, show the extension at work on the demo site, and say
// how to load it.
//   npm start              scan the demo pages in headless Chromium and print the report
//   npm start -- --open    open the demo in a visible Chromium with the extension instead (needs a
//                          display); AJG_OPEN=1 does the same whenever DISPLAY is set
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, ensureDebianPackages, ensureNodeModules, ROOT, run } from './ensure.mjs';

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const wantsOpen = process.argv.includes('--open') || (Boolean(process.env.DISPLAY) && process.env.AJG_OPEN === '1');

ensureNodeModules();
// Only the demo needs a browser: without one, `npm start` still builds and explains.
const haveChromium = ensureDebianPackages({ only: ['chromium'], optional: true });
build();
const chrome = resolve(ROOT, 'dist/chrome');
const firefox = resolve(ROOT, 'dist/firefox');
if (!existsSync(`${chrome}/manifest.json`) || !existsSync(`${firefox}/manifest.json`)) {
  console.error('The build did not produce dist/chrome and dist/firefox.');
  process.exit(1);
}
const manifest = (dir) => JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
// Chrome derives an unpacked extension's ID from the manifest key: SHA-256, first 32 hex digits, 0-f → a-p.
const digest = createHash('sha256').update(Buffer.from(manifest(chrome).key, 'base64')).digest('hex').slice(0, 32);
const CHROME_EXTENSION_ID = [...digest].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
const GECKO_ID = manifest(firefox).browser_specific_settings.gecko.id;
const howToLoad = `
To load AI Jurisdiction Guard in your own browser:

  Chrome / Edge: open chrome://extensions (edge://extensions), turn on Developer mode,
                 "Load unpacked" and choose ${chrome}
                 Extension ID: ${CHROME_EXTENSION_ID}
  Firefox:       open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…"
                 and choose ${firefox}/manifest.json
                 Add-on ID: ${GECKO_ID}

Then visit an AI service (for example https://chat.deepseek.com): the toolbar button shows
its risk, and the popup says who runs it and under which country's law.
`;

/** The demo (scripts/scan/demo.ts, TypeScript, so through tsx); returns its exit status. */
const demo = (...args) => run(process.execPath, [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/scan/demo.ts', ...args]);

let status = 0;
if (!haveChromium) {
  console.log('\nSkipping the demo: it needs Chromium (see above).');
  console.log(howToLoad);
} else if (wantsOpen && hasDisplay) {
  console.log(howToLoad);
  status = demo('--open');
} else {
  if (wantsOpen) console.log('\n--open needs a display (DISPLAY is not set); scanning the demo headless instead.\n');
  else console.log('');
  status = demo();
  if (status !== 0) console.error(`\nThe demo scan failed (exit ${status}).`);
  console.log(howToLoad);
  if (status === 0) console.log('To watch it in a browser window: npm start -- --open\n');
}
process.exit(status);
