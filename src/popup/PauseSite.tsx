/**
 * "Pause on this site for 1 hour": lifts the user's own blocks on the page's site for an hour
 * (core/block-actions/pause.ts), then "Paused until 14:32" with a Resume. Shown only in block
 * mode, where the organization allows bypassing, and where one of the user's own decisions blocks
 * something on this page (or a pause already runs); the organization's blocks are never lifted.
 */
import { useState } from 'preact/hooks';
import { pauseRefusal } from '../core/block-actions/pause.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import { sendMessage } from '../shared/send-message.ts';
import { t } from '../shared/t.ts';
import type { Settings } from './use-settings.ts';

interface Props {
  settings: Settings;
  site: string;
  /** When the running pause of this site ends; undefined when none runs. */
  pausedUntil: number | undefined;
  /** One of the user's own decisions blocks an AI service on this page. */
  userBlocksHere: boolean;
}

/** "14:32" in the messages' language. */
export function clockTime(time: number): string {
  return new Intl.DateTimeFormat(intlLocaleOf(t), { timeStyle: 'short' }).format(time);
}

export function PauseSite({ settings, site, pausedUntil, userBlocksHere }: Props) {
  const [error, setError] = useState<string | null>(null);
  const view = settings.view;
  if (!view || pauseRefusal(view.settings, site) !== undefined) return null;
  if (pausedUntil === undefined && !userBlocksHere) return null;
  const pause = async () => {
    const result = await sendMessage({ type: 'ui-to-bg/pause-site', site });
    setError(result.ok ? null : result.error);
  };
  const resume = async () => {
    await sendMessage({ type: 'ui-to-bg/resume-site', site });
    setError(null);
  };
  return (
    <div class="pause" data-pause={pausedUntil === undefined ? 'off' : 'on'}>
      {pausedUntil === undefined ? (
        <>
          <button type="button" class="secondary plain" onClick={() => void pause()}>
            {t('popPause')}
          </button>
          <p class="hint">{t('popPauseWhat', [site])}</p>
        </>
      ) : (
        <>
          <p class="pause-state" role="status">
            <strong>{t('popPausedUntil', [clockTime(pausedUntil)])}</strong> {t('popPausedWhat', [site])}
          </p>
          <button type="button" class="secondary plain" onClick={() => void resume()}>
            {t('popResume')}
          </button>
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
