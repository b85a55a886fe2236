#!/usr/bin/env node
// `npm start`: install, build both targets and say how to load them.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, ensureNodeModules, ROOT } from './ensure.mjs';

ensureNodeModules();
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
console.log(`
Built AI Jurisdiction Guard.

  Chrome / Edge: open chrome://extensions (edge://extensions), turn on Developer mode,
                 "Load unpacked" and choose ${chrome}
                 Extension ID: ${CHROME_EXTENSION_ID}
  Firefox:       open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…"
                 and choose ${firefox}/manifest.json
                 Add-on ID: ${GECKO_ID}

Then visit an AI service (for example https://chat.deepseek.com): the toolbar button shows
its risk, and the popup says who runs it and under which country's law.
`);
