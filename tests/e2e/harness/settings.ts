/// <reference types="chrome" />
/**
 * Settings and block rules of the running extension, changed the way the popup and options page
 * change them (ui-to-bg messages from an extension page) and read back from the browser.
 */
import type { UpdateSettingsResponse } from '../../../src/core/messages.ts';
import type { SettingsView } from '../../../src/core/settings-view.ts';
import type { ExtensionBrowser } from './browser.ts';

export async function updateSettings(ext: ExtensionBrowser, patch: Record<string, unknown>): Promise<UpdateSettingsResponse> {
  return (await ext.extensionPage()).evaluate((p) => chrome.runtime.sendMessage({ type: 'ui-to-bg/update-settings', patch: p }), patch);
}

export async function getSettings(ext: ExtensionBrowser): Promise<SettingsView> {
  return (await ext.extensionPage()).evaluate(() => chrome.runtime.sendMessage({ type: 'ui-to-bg/get-settings' }));
}

export async function dynamicRules(ext: ExtensionBrowser): Promise<chrome.declarativeNetRequest.Rule[]> {
  return (await ext.extensionPage()).evaluate(() => chrome.declarativeNetRequest.getDynamicRules());
}
