/**
 * One block action of the popup ("Block DeepSeek", "Block China", "Block AI on this site"): it
 * says its current state, takes effect at once and can be undone (an Undo for a few seconds,
 * undo.tsx, and the lists in options). A broad block (a whole country) first asks, saying what it
 * covers. What the organization decides is shown locked, with who set it.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { isEnforcing, type ListKey } from '../core/settings.ts';
import { sendMessage } from '../shared/send-message.ts';
import { t } from '../shared/t.ts';
import { useOfferUndo } from './undo.tsx';
import type { Settings } from './use-settings.ts';

interface Props {
  settings: Settings;
  list: Extract<ListKey, 'blockedProviders' | 'blockedCountries' | 'blockedSites'>;
  value: string;
  /** What is blocked, in words: "DeepSeek", "China", "AI on news.example.com". */
  label: string;
  /** Asked before blocking: what the block covers, and the words of the button that confirms. */
  confirm?: { text: string; action: string };
  /** The page's main action (the product on its own site): drawn filled. */
  primary?: boolean;
}

export function BlockToggle({ settings, list, value, label, confirm, primary }: Props) {
  const offerUndo = useOfferUndo();
  const [confirming, setConfirming] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const { view } = settings;
  if (!view) return null;
  const byOrg = view.settings.org[list].includes(value);
  const locked = view.settings.locked.includes(list);
  const mine = (view.user[list] ?? []) as string[];
  const blocked = byOrg || (!locked && mine.includes(value));
  const block = async (fromConfirm = false) => {
    setConfirming(false);
    // The confirmation panel goes: focus returns to the button, now "Unblock …".
    if (fromConfirm) setTimeout(() => button.current?.focus(), 0);
    if (!(await settings.update({ [list]: [...mine, value] }))) return;
    offerUndo({
      label,
      enforced: isEnforcing(view.settings.mode),
      // Only this entry goes: anything else changed meanwhile (in options, say) stays.
      undo: async () => {
        const fresh = await sendMessage({ type: 'ui-to-bg/get-settings' });
        await settings.update({ [list]: ((fresh.user[list] ?? []) as string[]).filter((v) => v !== value) });
      },
      focus: () => button.current?.focus(),
    });
  };
  const cancel = () => {
    setConfirming(false);
    // The panel goes; focus returns to the button that opened it.
    setTimeout(() => button.current?.focus(), 0);
  };
  const onClick = () => {
    if (blocked) void settings.update({ [list]: mine.filter((v) => v !== value) });
    else if (confirm) setConfirming(true);
    else void block();
  };
  const state = byOrg ? 'org' : blocked ? 'user' : 'off';
  return (
    <div class={`toggle${primary ? ' toggle-primary' : ''}`} data-toggle={`${list}:${value}`} data-state={state}>
      {confirming && confirm ? (
        <div
          class="confirm"
          role="group"
          aria-labelledby={`confirm-${list}-${value}`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              cancel();
            }
          }}
        >
          <p id={`confirm-${list}-${value}`} class="confirm-text">
            {confirm.text}
          </p>
          <div class="confirm-buttons">
            <button type="button" ref={confirmButton} class="danger" data-confirm="yes" onClick={() => void block(true)}>
              {confirm.action}
            </button>
            <button type="button" class="secondary plain" data-confirm="no" onClick={cancel}>
              {t('popCancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" ref={button} class={blocked ? 'secondary' : 'danger'} aria-pressed={blocked} disabled={byOrg || locked} onClick={onClick}>
          {blocked ? t('popUnblock', [label]) : t('popBlock', [label])}
        </button>
      )}
      {/* The user's own block needs no note: the button says "Unblock …" and the card's status line why. */}
      {byOrg ? <span class="locked">{t('popBlockedByOrg')}</span> : locked ? <span class="locked">{t('popLockedByOrg')}</span> : null}
    </div>
  );
}
