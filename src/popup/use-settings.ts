/** The settings in force, kept current while the popup is open, and a way to change the user's. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { SettingsView } from '../core/settings-view.ts';
import type { UserSettings } from '../core/settings.ts';
import { sendMessage } from '../shared/send-message.ts';

export interface Settings {
  view: SettingsView | null;
  /** Why the last change was refused, if it was. */
  error: string | null;
  /** Resolves to whether the change was made. */
  update(patch: Partial<UserSettings>): Promise<boolean>;
}

export function useSettings(): Settings {
  const [view, setView] = useState<SettingsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () => void sendMessage({ type: 'ui-to-bg/get-settings' }).then(setView, () => undefined);
    // A policy pushed while the popup is open shows at once (Chrome delivers it live).
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'local' || area === 'managed') load();
    };
    browser.storage.onChanged.addListener(onChanged);
    load();
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const update = useCallback(async (patch: Partial<UserSettings>) => {
    const result = await sendMessage({ type: 'ui-to-bg/update-settings', patch });
    if (result.ok) {
      setView(result.view);
      setError(null);
    } else setError(result.error);
    return result.ok;
  }, []);
  return { view, error, update };
}
