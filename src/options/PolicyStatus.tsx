/** Whether an organization's policy applies, when it was read, and whether the last read failed. */
import type { SettingsView } from '../core/settings-view.ts';
import { formatTime } from './format-time.ts';
import { settingName } from './setting-names.ts';

export function PolicyStatus({ view }: { view: SettingsView }) {
  const keys = Object.keys(view.policy).length;
  const { locked } = view.settings;
  return (
    <div class="policy-status" data-policy={keys > 0 ? 'applies' : view.policyReadAt === null ? 'unread' : 'none'}>
      <p>
        <strong>
          {keys > 0
            ? `Your organization’s policy applies (${keys} ${keys === 1 ? 'setting' : 'settings'}).`
            : view.policyReadAt === null
              ? 'The policy has not been read yet.'
              : 'No policy from an organization: every setting is yours.'}
        </strong>
      </p>
      {view.policyReadAt !== null && <p class="muted">Read {formatTime(view.policyReadAt)}.</p>}
      {keys > 0 && (
        <p class="muted">
          {locked.length ? `You cannot change: ${locked.map(settingName).join(', ')}.` : 'It locks none of your settings.'}{' '}
          {view.settings.allowBypass ? 'The block page offers “Allow once”.' : 'The block page does not offer “Allow once”.'}
        </p>
      )}
      {view.policyError && (
        <p class="field-error" role="alert" data-policy-error>
          <span aria-hidden="true">⚠ </span>The last read of the policy failed: {view.policyError}. The policy read before still applies.
        </p>
      )}
    </div>
  );
}
