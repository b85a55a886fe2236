/** The extension's messages as the build emits them, for unit tests and Node-side tools. */
import { resolve } from 'node:path';
import { translatorFrom } from '../../src/core/i18n.ts';
import { loadLocales } from '../../scripts/locales/load-locales.ts';

export const LOCALES_DIR = resolve(import.meta.dirname, '../../src/locales');
export const locales = loadLocales(LOCALES_DIR);
export const tEn = translatorFrom(locales.en!);
export const tZh = translatorFrom(locales.zh_CN!);
