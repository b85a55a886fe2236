import { beforeEach } from 'vitest';
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
