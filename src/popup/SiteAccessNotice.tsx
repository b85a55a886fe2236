/**
 * Says when the browser keeps the extension out of this page's site (the user withheld or withdrew
 * its site access), what does not work because of it, and asks for the access with one click.
 */
import { accessWords } from '../core/permissions/access-words.ts';
import { t } from '../shared/t.ts';
import type { HostAccessView } from '../shared/use-host-access.ts';
import './access-notice.css';

/** `access`: from useHostAccess in Popup, which also keeps the "No AI seen" card away while this shows. */
export function SiteAccessNotice({ access }: { access: HostAccessView }) {
  const { notice, outcome, request } = access;
  if (!notice) {
    return outcome === 'granted' ? (
      <p class="access-done" role="status" data-access="granted">
        {t('accessGranted')}
      </p>
    ) : null;
  }
  const words = accessWords(notice, t);
  return (
    <section class="access-notice" data-access={notice.scope} aria-labelledby="access-title">
      <h2 id="access-title">
        <span aria-hidden="true">⚠ </span>
        {words.title}
      </h2>
      <p>{words.body}</p>
      <button type="button" onClick={request}>
        {words.action}
      </button>
      {outcome === 'refused' && <p role="status">{t('accessRefused')}</p>}
    </section>
  );
}
