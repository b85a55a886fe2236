/**
 * Fleet reporting as the policy sets it, and how sending stands (storage.local `report:status`):
 * where events go, which kinds, the last batch taken, and the collector's last refusal in its own
 * words. Header values (an ingestion token) are never shown, only their names.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { SettingsView } from '../core/settings-view.ts';
import { readReportingStatus, REPORT_STATUS_KEY, type ReportingStatus } from '../shared/reporting-status.ts';
import { t } from '../shared/t.ts';
import { formatTime } from './format-time.ts';

export function ReportingPanel({ view }: { view: SettingsView }) {
  const config = view.policy.reporting;
  const [status, setStatus] = useState<ReportingStatus | undefined>();
  useEffect(() => {
    const read = () => void readReportingStatus().then(setStatus, () => undefined);
    read();
    const changed = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && REPORT_STATUS_KEY in changes) read();
    };
    browser.storage.onChanged.addListener(changed);
    return () => browser.storage.onChanged.removeListener(changed);
  }, []);
  if (!config) {
    return (
      <>
        <h3>{t('optReportingTitle')}</h3>
        <p class="muted" data-reporting="off">
          {t('optReportingOff')}
        </p>
      </>
    );
  }
  const headers = Object.keys(config.headers);
  // Where, without a query (some collectors take a token there): the user needs the place, not the key.
  const where = (() => {
    try {
      const url = new URL(config.endpoint);
      return `${url.origin}${url.pathname}`;
    } catch {
      return '';
    }
  })();
  return (
    <>
      <h3>{t('optReportingTitle')}</h3>
      <div data-reporting="on">
        <p>{t('optReportingTo', [where, config.format === 'splunk-hec' ? 'Splunk HEC' : 'OpenTelemetry (OTLP/HTTP JSON)'])}</p>
        <p class="muted">
          {t('optReportingKinds', [config.events.join(t('listSeparator'))])} {headers.length > 0 && t('optReportingHeaders', [headers.join(t('listSeparator'))])}{' '}
          {config.identity && t('optReportingIdentity', [config.identity])}
        </p>
        <p class="muted">{t('optReportingNever')}</p>
        {status?.lastSentAt !== undefined && <p data-reporting-sent>{t('optReportingSent', [status.sent, formatTime(status.lastSentAt)])}</p>}
        {status?.lastError && status.failures > 0 && (
          <p class="field-error" role="alert" data-reporting-error={status.lastError.status ?? 'network'}>
            <span aria-hidden="true">⚠ </span>
            {status.lastError.rejected ? t('optReportingRefused', [status.lastError.message, formatTime(status.nextAttemptAt)]) : t('optReportingUnreachable', [status.lastError.message, formatTime(status.nextAttemptAt)])}
          </p>
        )}
      </div>
    </>
  );
}
