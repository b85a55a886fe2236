/** Whether an organization's policy applies, when it was read, and whether the last read failed. */
import type { SettingsView } from '../core/settings-view.ts';
import { formatTime } from './format-time.ts';
import { settingName } from './setting-names.ts';
import { t } from '../shared/t.ts';

export function PolicyStatus({ view }: { view: SettingsView }) {
  const keys = Object.keys(view.policy).length;
  const { locked } = view.settings;
  return (
    <div class="policy-status" data-policy={keys > 0 ? 'applies' : view.policyReadAt === null ? 'unread' : 'none'}>
      <p>
        <strong>
          {keys > 0
            ? keys === 1
              ? t('optPolicyAppliesOne')
              : t('optPolicyAppliesMany', [keys])
            : view.policyReadAt === null
              ? t('optPolicyUnread')
              : t('optPolicyNone')}
        </strong>
      </p>
      {view.policyReadAt !== null && <p class="muted">{t('optPolicyReadAt', [formatTime(view.policyReadAt)])}</p>}
      {keys > 0 && (
        <p class="muted">
          {locked.length ? t('optPolicyLocks', [locked.map(settingName).join(t('listSeparator'))]) : t('optPolicyLocksNone')}{' '}
          {view.settings.allowBypass ? t('optBypassOffered') : t('optBypassNotOffered')}
        </p>
      )}
      {view.policyError && (
        <p class="field-error" role="alert" data-policy-error>
          <span aria-hidden="true">⚠ </span>
          {t('optPolicyReadFailed', [view.policyError])}
        </p>
      )}
    </div>
  );
}
