/**
 * One manifest source (manifest.json), two targets. Chrome/Edge get the module service worker
 * and the fixed `key`; Firefox gets `background.scripts` (it has no MV3 service worker), its
 * add-on ID and the first version that runs MAIN-world content scripts.
 */
import { CHROME_MIN_VERSION, FIREFOX_MIN_VERSION, GECKO_ID, PROJECT_REPOSITORY } from '../src/core/constants.ts';

export const TARGETS = ['chrome', 'firefox'] as const;
export type Target = (typeof TARGETS)[number];

// Loose on purpose: the shape of manifest.json is checked by the browsers and by web-ext lint.
export type Manifest = Record<string, any>;

/**
 * Opens the toolbar popup from the keyboard (`_execute_action` is the MV3 name in Chrome and
 * Firefox; people can change it in chrome://extensions/shortcuts or about:addons). Alt+Shift+G
 * ("Guard"): Chrome's own Alt+Shift shortcuts are A (inactive dialogs), B (bookmarks bar),
 * I (feedback) and T (toolbar), and Firefox has none on G.
 */
export const OPEN_POPUP_SHORTCUT = 'Alt+Shift+G';

export function manifestFor(target: Target, base: Manifest, version: string): Manifest {
  const manifest: Manifest = structuredClone(base);
  manifest.version = version;
  // The store listing and the browsers' extension pages link here ("Website", "Homepage").
  manifest.homepage_url = PROJECT_REPOSITORY;
  manifest.commands = { ...base.commands, _execute_action: { suggested_key: { default: OPEN_POPUP_SHORTCUT } } };
  if (target === 'chrome') {
    manifest.minimum_chrome_version = CHROME_MIN_VERSION;
    return manifest;
  }
  delete manifest.key;
  // Firefox already serves extension pages under a random per-install address, and its manifest
  // has no use_dynamic_url (it would warn).
  for (const entry of manifest.web_accessible_resources ?? []) delete entry.use_dynamic_url;
  manifest.background = { scripts: [base.background.service_worker], type: 'module' };
  manifest.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      // Firefox's built-in data consent: this extension collects and transmits nothing.
      data_collection_permissions: { required: ['none'] },
    },
  };
  return manifest;
}

export function parseTarget(value: string | undefined): Target {
  const target = value ?? 'chrome';
  if (!(TARGETS as readonly string[]).includes(target)) {
    throw new Error(`unknown build target "${target}": use one of ${TARGETS.join(', ')}`);
  }
  return target as Target;
}
