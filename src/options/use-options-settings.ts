/**
 * The settings view for the options page, kept current (a policy pushed while the page is open
 * shows at once), and a way to change one of the user's settings with its own error.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { SettingsView } from '../core/settings-view.ts';
import type { UserKey, UserSettings } from '../core/settings.ts';
import { sendMessage } from '../shared/send-message.ts';

export interface OptionsSettings {
  view: SettingsView | null;
  /** Why the settings could not be read, if they could not. */
  loadError: string | null;
  /** Why the last change of each key was refused. */
  errors: Partial<Record<UserKey, string>>;
  /** Changes one key; resolves to whether it was saved. */
  update<K extends UserKey>(key: K, value: UserSettings[K]): Promise<boolean>;
}

/** The settings once they are loaded: what every panel receives. */
export type ReadySettings = OptionsSettings & { view: SettingsView };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useOptionsSettings(): OptionsSettings {
  const [view, setView] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<OptionsSettings['errors']>({});
  useEffect(() => {
    const load = () =>
      void sendMessage({ type: 'ui-to-bg/get-settings' }).then(
        (next) => (setView(next), setLoadError(null)),
        (error: unknown) => setLoadError(message(error)),
      );
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'local' || area === 'managed') load();
    };
    browser.storage.onChanged.addListener(onChanged);
    load();
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const update = useCallback(async <K extends UserKey>(key: K, value: UserSettings[K]) => {
    let error: string | undefined;
    try {
      const result = await sendMessage({ type: 'ui-to-bg/update-settings', patch: { [key]: value } });
      if (result.ok) setView(result.view);
      else error = result.error;
    } catch (thrown) {
      error = message(thrown);
    }
    setErrors((prev) => {
      const { [key]: _old, ...rest } = prev;
      return error === undefined ? rest : { ...rest, [key]: error };
    });
    return error === undefined;
  }, []);
  return { view, loadError, errors, update };
}
