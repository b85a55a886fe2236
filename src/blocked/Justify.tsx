/**
 * Justify mode: the person says why they need the blocked service, and it opens for the time the
 * organization set. The background checks the decision again and keeps the reason in the audit
 * log; only then is the blocked address loaded (as an http(s) URL, never anything else).
 */
import { useState } from 'preact/hooks';
import { REASON_MAX, REASON_MIN } from '../core/block-actions/justify.ts';
import { sendMessage } from '../shared/send-message.ts';
import { t } from '../shared/t.ts';

interface Props {
  url: string;
  minutes: number;
  /** Whether the organization's collector receives the reason (policy `reporting`). */
  reported: boolean;
}

export function Justify({ url, minutes, reported }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if ([...reason.trim()].length < REASON_MIN) return setError(t('blkJustifyTooShort', [REASON_MIN]));
    setBusy(true);
    const result = await sendMessage({ type: 'ui-to-bg/justify', url, reason }).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    if (result.ok && /^https?:\/\//i.test(url)) location.replace(url);
    else {
      setError(result.ok ? t('blkNotHttp') : t('blkJustifyFailed', [result.error]));
      setBusy(false);
    }
  };
  return (
    <form class="justify" data-justify onSubmit={(e) => void submit(e)}>
      <label for="justify-reason">{t('blkJustifyLabel')}</label>
      <textarea id="justify-reason" name="reason" rows={2} maxLength={REASON_MAX} required aria-describedby="justify-note" value={reason} onInput={(e) => {
          setReason(e.currentTarget.value);
          setError(null);
        }} />
      <p id="justify-note" class="small">
        {t(reported ? 'blkJustifyNoteReported' : 'blkJustifyNote', [minutes])}
      </p>
      <button type="submit" class="secondary" disabled={busy || !reason.trim()}>
        {t('blkJustifyContinue', [minutes])}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
