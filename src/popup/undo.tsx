/**
 * "Undo" after a block made in the popup: a bar at the foot of the popup for a few seconds,
 * announced to screen readers (a polite live region that is always in the page, so the change is
 * read) and reachable with Tab. It stays while the pointer or focus is on it, so nobody loses it
 * while reaching for it.
 */
import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/t.ts';

/** How long the Undo stays. */
export const UNDO_MS = 8000;

interface Offer {
  /** What was blocked, in words: "DeepSeek", "United States", "AI on news.example.com". */
  label: string;
  /** false in warn and monitor modes: the entry is on the block list, but nothing is blocked. */
  enforced: boolean;
  undo: () => Promise<void>;
  /** Where focus goes after an undo (the button that made the block), so keyboard users stay put. */
  focus?: () => void;
}

type Offered = (offer: Offer) => void;

const UndoContext = createContext<Offered>(() => undefined);

/** Call after a block: shows the Undo for it. */
export function useOfferUndo(): Offered {
  return useContext(UndoContext);
}

export function UndoProvider({ children }: { children: ComponentChildren }) {
  const [offer, setOffer] = useState<Offer | null>(null);
  const [message, setMessage] = useState('');
  const [held, setHeld] = useState(false);
  const bar = useRef<HTMLDivElement>(null);
  const offered = useCallback((next: Offer) => {
    setOffer(next);
    setMessage(t(next.enforced ? 'popUndoBlocked' : 'popUndoListed', [next.label]));
  }, []);
  useEffect(() => {
    if (!offer || held) return;
    const timer = setTimeout(() => {
      setOffer(null);
      setMessage('');
    }, UNDO_MS);
    return () => clearTimeout(timer);
  }, [offer, held]);
  const undo = async () => {
    if (!offer) return;
    const { label } = offer;
    setOffer(null);
    setHeld(false);
    await offer.undo();
    offer.focus?.();
    setMessage(t('popUndone', [label]));
    setTimeout(() => setMessage((m) => (m === t('popUndone', [label]) ? '' : m)), UNDO_MS);
  };
  return (
    <UndoContext.Provider value={offered}>
      {children}
      <div
        ref={bar}
        class="undo-bar"
        role="status"
        data-undo={offer ? 'offered' : message ? 'done' : 'none'}
        onMouseEnter={() => setHeld(true)}
        onMouseLeave={() => setHeld(bar.current?.contains(document.activeElement) ?? false)}
        onFocusIn={() => setHeld(true)}
        onFocusOut={(e) => setHeld(bar.current?.contains(e.relatedTarget as Node | null) ?? false)}
      >
        {message && <span class="undo-text">{message}</span>}
        {offer && (
          <button type="button" class="undo-button" onClick={() => void undo()}>
            {t('popUndo')}
          </button>
        )}
      </div>
    </UndoContext.Provider>
  );
}
