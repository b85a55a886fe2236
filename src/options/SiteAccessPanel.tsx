/**
 * At the top of the options page when the browser keeps the extension out of some or all websites
 * (site access withheld or withdrawn): what stops working, a button that asks for the access, and
 * where the browser's own setting is.
 */
import { accessWords } from '../core/permissions/access-words.ts';
import { t } from '../shared/t.ts';
import { useHostAccess } from '../shared/use-host-access.ts';
import './access-notice.css';

export function SiteAccessPanel() {
  const { notice, outcome, request } = useHostAccess();
  if (!notice) {
    return outcome === 'granted' ? (
      <p class="banner access-done" role="status" data-banner="access-granted">
        {t('accessGranted')}
      </p>
    ) : null;
  }
  const words = accessWords(notice, t);
  return (
    <section class="banner access-banner" data-banner="access" data-access={notice.scope} aria-labelledby="access-title">
      <h2 id="access-title">
        <span aria-hidden="true">⚠ </span>
        {words.title}
      </h2>
      <p>{words.body}</p>
      <p class="muted">{t('accessWhere')}</p>
      <button type="button" onClick={request}>
        {words.action}
      </button>
      {outcome === 'refused' && <p role="status">{t('accessRefused')}</p>}
    </section>
  );
}
