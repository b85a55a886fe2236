/** The running "Pause on this site" pauses (site → end), kept current while the popup is open. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { PAUSES_KEY } from '../core/constants.ts';
import { sendMessage } from '../shared/send-message.ts';

export function usePauses(): Record<string, number> {
  const [pauses, setPauses] = useState<Record<string, number>>({});
  useEffect(() => {
    const load = () => void sendMessage({ type: 'ui-to-bg/get-pauses' }).then(setPauses, () => undefined);
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && PAUSES_KEY in changes) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    load();
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  // A pause that ends while the popup is open: the background's alarm rewrites the stored pauses.
  return pauses;
}
