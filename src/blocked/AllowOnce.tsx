/**
 * "Allow once for this site": the background checks the request against the decision in force
 * and adds session rules; only then is the blocked address loaded (as an http(s) URL, never
 * anything else the address bar may hold).
 */
import { useState } from 'preact/hooks';
import { sendMessage } from '../shared/send-message.ts';
import { t } from '../shared/t.ts';

export function AllowOnce({ url }: { url: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const allow = async () => {
    setBusy(true);
    const result = await sendMessage({ type: 'ui-to-bg/allow-once', url }).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    if (result.ok && /^https?:\/\//i.test(url)) location.replace(url);
    else {
      setError(result.ok ? t('blkNotHttp') : result.error);
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="secondary" disabled={busy} onClick={() => void allow()}>
        {t('blkAllowOnce')}
      </button>
      {error && (
        <p class="error" role="alert">
          {t('blkAllowOnceFailed', [error])}
        </p>
      )}
    </>
  );
}
