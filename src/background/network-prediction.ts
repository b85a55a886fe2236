/**
 * Strict network mode turns the browser's network prediction off (preconnect and DNS prefetch
 * for `<link rel=preconnect>`, hovered links, a navigation's host before the block page replaces
 * it): those connections are opened by the browser and no extension rule sees them. Needs the
 * optional `privacy` permission, which the options page asks for when the user turns strict mode
 * on; without it, the options page says so and an organization uses the browser's own policy
 * (`NetworkPredictionOptions`, docs/policy.md). Turning strict mode off gives the setting back.
 */
import browser from 'webextension-polyfill';

export async function applyNetworkPrediction(strict: boolean): Promise<'off' | 'browser' | 'no-permission' | 'not-controllable'> {
  if (!(await browser.permissions.contains({ permissions: ['privacy'] }).catch(() => false))) return strict ? 'no-permission' : 'browser';
  const setting = browser.privacy?.network?.networkPredictionEnabled;
  if (!setting) return 'not-controllable';
  const now = await setting.get({});
  if (now.levelOfControl === 'controlled_by_other_extensions' || now.levelOfControl === 'not_controllable') return strict ? 'not-controllable' : 'browser';
  if (strict) {
    await setting.set({ value: false });
    return 'off';
  }
  if (now.levelOfControl === 'controlled_by_this_extension') await setting.clear({});
  return 'browser';
}
