import { beforeEach, onTestFinished, vi } from 'vitest';
import { resetBrowser } from './mocks/webextension-polyfill.ts';
import { locales, tEn } from './unit/locale.ts';

beforeEach(() => resetBrowser());

// src/shared/t.ts reads chrome.i18n directly (no polyfill); the browser answers from the English
// messages here, and "" for a key it does not have, as Chrome does.
Object.assign(globalThis, {
  chrome: {
    i18n: {
      getMessage: (key: string, substitutions?: string[]) => (locales.en![key] === undefined ? '' : tEn(key, substitutions)),
      getUILanguage: () => 'en',
    },
  },
});

// The background's routine progress lines ("block rules applied (…): 2 rules", console.info and
// console.debug) say nothing in a test run; a test that checks one spies on it. console.log, warn
// and error are left alone: a warning or error no test asked for must show (tests/unit/quiet-console.ts
// keeps the expected ones out).
beforeEach(() => {
  const info = vi.spyOn(console, 'info').mockImplementation(() => {});
  const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
  onTestFinished(() => {
    info.mockRestore();
    debug.mockRestore();
  });
});
