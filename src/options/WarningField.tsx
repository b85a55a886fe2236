/**
 * Whether pages show the in-page warning (Warn and Block modes), and the sites where the user
 * turned it off from the banner, each of which can be turned back on. While the organization
 * locks the warning, those sites are shown as overruled: the warning shows there anyway.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { WarningOffSites } from '../core/messages.ts';
import { sendMessage } from '../shared/send-message.ts';
import { errorId, fieldState } from './field-state.ts';
import { FieldError } from './FieldError.tsx';
import { OrgNote } from './OrgNote.tsx';
import type { ReadySettings } from './use-options-settings.ts';
import { t } from '../shared/t.ts';

/** The sites the warning is off on, kept current (a dismissal on a page while this page is open). */
function useOffSites(): [WarningOffSites | null, () => void] {
  const [sites, setSites] = useState<WarningOffSites | null>(null);
  const load = () => void sendMessage({ type: 'ui-to-bg/warning-off-sites' }).then(setSites, () => undefined);
  useEffect(() => {
    // The list itself, and the lock that overrules it (the policy's cache lives in storage.local too).
    const onChanged = (_changes: unknown, area: string) => (area === 'local' || area === 'managed') && load();
    browser.storage.onChanged.addListener(onChanged);
    load();
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  return [sites, load];
}

function OffSites({ list, reload }: { list: WarningOffSites; reload: () => void }) {
  const [error, setError] = useState<string | null>(null);
  if (!list.sites.length) return <p class="hint" data-warning-sites="none">{t('warnOptNoSites')}</p>;
  const turnOn = (site: string) =>
    void sendMessage({ type: 'ui-to-bg/warning-on-for-site', site }).then(
      () => (setError(null), reload()),
      (e: unknown) => setError(String(e)),
    );
  return (
    <div class="list" data-warning-sites={list.overruled ? 'overruled' : 'off'}>
      <h4 id="warning-sites-title">{t('warnOptSitesTitle')}</h4>
      {list.overruled && (
        <p class="org-note" data-note="overruled">
          <span aria-hidden="true">🔒 </span>
          {t('warnOptOverruled')}
        </p>
      )}
      <ul class="entries" aria-labelledby="warning-sites-title">
        {[...list.sites].reverse().map((site) => (
          <li class="entry entry-user" data-warning-site={site} key={site}>
            <span>
              {site}
              {list.overruled && <span class="sub"> · {t('warnOptSiteOverruled')}</span>}
            </span>
            <button type="button" aria-label={t('warnOptTurnOnFor', [site])} onClick={() => turnOn(site)}>
              {t('warnOptTurnOn')}
            </button>
          </li>
        ))}
      </ul>
      {error && <p class="field-error" role="alert">{error}</p>}
    </div>
  );
}

export function WarningField({ settings }: { settings: ReadySettings }) {
  const { view, errors, update } = settings;
  const { locked, attrs } = fieldState(view, 'showWarning');
  const error = errors.showWarning;
  const [sites, reload] = useOffSites();
  return (
    <div class="field" {...attrs} data-source={view.settings.sources.showWarning}>
      <label class="check">
        <input
          type="checkbox"
          checked={view.settings.showWarning}
          disabled={locked}
          aria-describedby={error ? errorId('showWarning') : undefined}
          onChange={(e) => void update('showWarning', e.currentTarget.checked)}
        />
        <span>
          {t('optWarningLabel')}
          <span class="hint">{t('optWarningHint')}</span>
        </span>
      </label>
      <OrgNote locked={locked} source={view.settings.sources.showWarning} />
      <FieldError id={errorId('showWarning')} error={error} />
      {sites && <OffSites list={sites} reload={reload} />}
    </div>
  );
}
