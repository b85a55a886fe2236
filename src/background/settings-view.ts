/** The settings as the extension's pages see them (ui-to-bg/get-settings). */
import browser from 'webextension-polyfill';
import { RULES_STATUS_KEY } from '../core/constants.ts';
import type { RulesStatus, SettingsView } from '../core/settings-view.ts';
import { currentState } from './settings-store.ts';

export async function settingsView(): Promise<SettingsView> {
  const [state, stored] = await Promise.all([currentState(), browser.storage.local.get(RULES_STATUS_KEY)]);
  return {
    settings: state.settings,
    user: state.user,
    policy: state.policy,
    policyProblems: state.policyProblems,
    userProblems: state.userProblems,
    policyReadAt: state.policyReadAt,
    ...(state.policyError ? { policyError: state.policyError } : {}),
    rules: (stored[RULES_STATUS_KEY] as RulesStatus | undefined) ?? null,
  };
}
