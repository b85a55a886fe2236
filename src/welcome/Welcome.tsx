/**
 * First-run page (opened once on install, src/background/first-run.ts): what the extension does,
 * that nothing leaves the browser, and what the mode in force means, in a few lines.
 */
import icon from '../../assets/icons/icon-48.png';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { modeSummary } from '../core/first-run/mode-summary.ts';
import type { SettingsView } from '../core/settings-view.ts';
import { sendMessage } from '../shared/send-message.ts';
import { t } from '../shared/t.ts';
import { ModeLine } from './ModeLine.tsx';

export function Welcome() {
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () =>
      void sendMessage({ type: 'ui-to-bg/get-settings' }).then(setView, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    // A mode chosen in the settings meanwhile shows here too.
    const onChanged = (_c: unknown, area: string) => (area === 'local' || area === 'managed') && load();
    browser.storage.onChanged.addListener(onChanged);
    load();
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const options = browser.runtime.getURL('options.html');
  return (
    <main class="welcome">
      <header class="head">
        <img src={icon} alt="" width="48" height="48" />
        <h1>{t('welTitle')}</h1>
      </header>
      <p>{t('welWhat')}</p>
      <p class="private">
        <span aria-hidden="true">🔒 </span>
        {t('welPrivate')}
      </p>
      {view ? (
        <ModeLine summary={modeSummary(view.settings)} managed={Object.keys(view.policy).length > 0} />
      ) : error ? (
        <p class="error" role="alert">
          {t('welLoadFailed', [error])}
        </p>
      ) : (
        <p class="muted" role="status">
          {t('welLoading')}
        </p>
      )}
      <p class="actions">
        <a class="button" href={`${options}#mode`} data-link="settings">
          {t('welOpenSettings')}
        </a>
        {view && modeSummary(view.settings) === 'block-nothing' && (
          <a class="button secondary" href={`${options}#lists`} data-link="lists">
            {t('welChooseBlock')}
          </a>
        )}
      </p>
    </main>
  );
}
