/**
 * Who decides a setting: "Set by your organization" when the policy locks it, or a note that the
 * value the user sees is the organization's default, theirs to change.
 */
import type { SettingSource } from '../core/policy-merge.ts';
import { t } from '../shared/t.ts';

interface Props {
  locked: boolean;
  /** Where a single-valued setting's value comes from; tier settings have none. */
  source?: SettingSource;
}

export function OrgNote({ locked, source }: Props) {
  if (locked) {
    return (
      <p class="org-note" data-note="locked">
        <span aria-hidden="true">🔒 </span>
        {t('optSetByOrg')}
      </p>
    );
  }
  if (source !== 'organization') return null;
  return (
    <p class="org-note" data-note="org-default">
      <span aria-hidden="true">🏢 </span>
      {t('optOrgDefault')}
    </p>
  );
}
