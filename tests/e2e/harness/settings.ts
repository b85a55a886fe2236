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

/**
 * Waits until the managed policy has reached the extension, as `arrived` tells from the settings
 * view. Chromium takes seconds to hand a policy file to a new profile; the extension starts from
 * its cache (empty in a new profile) and applies the policy when it arrives.
 */
export async function waitForPolicy(ext: ExtensionBrowser, arrived: (view: SettingsView) => boolean, timeoutMs = 20_000): Promise<void> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise((ok) => setTimeout(ok, 250))) {
    if (arrived(await getSettings(ext))) return;
  }
  throw new Error(`the managed policy did not reach the extension within ${timeoutMs / 1000} s`);
}
