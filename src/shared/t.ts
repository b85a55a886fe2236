/**
 * The extension's `Translate` (src/core/i18n.ts) over the browser's own i18n. `chrome.i18n` is
 * there in every context (pages, service worker, content scripts) of Chrome and Firefox, so this
 * needs no polyfill and content scripts can use it.
 */
import { spaceHan, type Translate } from '../core/i18n.ts';

export const t: Translate = (key, substitutions) => spaceHan(chrome.i18n.getMessage(key, substitutions?.map(String))) || key;

/** The UI language, for number and date formatting ("en", "zh-CN"). */
export const uiLanguage = (): string => chrome.i18n.getUILanguage();
