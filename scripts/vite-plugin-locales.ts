/** Emits `_locales/<lang>/messages.json` from src/locales (load-locales.ts); a bad message fails the build. */
import type { Plugin } from 'vite';
import { toBrowserMessage } from '../src/core/i18n.ts';
import { loadLocales } from './locales/load-locales.ts';

export function localesPlugin(dir: string): Plugin {
  return {
    name: 'ajg:locales',
    buildStart() {
      loadLocales(dir); // fail before bundling, with every problem listed
      this.addWatchFile(dir);
    },
    generateBundle() {
      for (const [lang, messages] of Object.entries(loadLocales(dir))) {
        const out = Object.fromEntries(Object.entries(messages).map(([key, text]) => [key, toBrowserMessage(text)]));
        this.emitFile({ type: 'asset', fileName: `_locales/${lang}/messages.json`, source: `${JSON.stringify(out, null, 2)}\n` });
      }
    },
  };
}
