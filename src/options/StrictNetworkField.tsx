/**
 * Strict network mode (core/browser-traffic): every reporting header removed, and the browser's
 * network prediction off. Prediction needs the optional `privacy` permission, asked for in the
 * click that turns the mode on (a permission request needs the user's gesture); the field then
 * says what the browser did, and offers the request again if it was refused.
 */
import browser from 'webextension-polyfill';
import { errorId, fieldState } from './field-state.ts';
import { FieldError } from './FieldError.tsx';
import { OrgNote } from './OrgNote.tsx';
import type { ReadySettings } from './use-options-settings.ts';
import { t } from '../shared/t.ts';

/** Asks for the permission; a refusal or a browser without the API leaves the mode's other half on. */
function askForPrivacy(): Promise<boolean> {
  try {
    return browser.permissions.request({ permissions: ['privacy'] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

export function StrictNetworkField({ settings }: { settings: ReadySettings }) {
  const { view, errors, update } = settings;
  const { locked, attrs } = fieldState(view, 'strictNetwork');
  const error = errors.strictNetwork;
  const on = view.settings.strictNetwork;
  const prediction = view.rules?.networkPrediction;
  // The request comes first, in the click itself; the setting does not wait for the answer (the
  // background applies the prediction part when the permission arrives).
  const toggle = (checked: boolean) => {
    void update('strictNetwork', checked);
    if (checked) void askForPrivacy();
  };
  return (
    <div class="field" {...attrs} data-source={view.settings.sources.strictNetwork}>
      <label class="check">
        <input
          type="checkbox"
          checked={on}
          disabled={locked}
          aria-describedby={error ? errorId('strictNetwork') : undefined}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
        <span>
          {t('optStrictLabel')}
          <span class="hint">{t('optStrictHint')}</span>
        </span>
      </label>
      {on && prediction === 'off' && <p class="hint" data-prediction="off">{t('optStrictPredictionOff')}</p>}
      {on && prediction === 'no-permission' && (
        <p class="hint" data-prediction="no-permission">
          {t('optStrictNoPermission')}{' '}
          <button type="button" onClick={() => void askForPrivacy()}>
            {t('optStrictAllow')}
          </button>
        </p>
      )}
      {on && prediction === 'not-controllable' && <p class="hint" data-prediction="not-controllable">{t('optStrictNotControllable')}</p>}
      {view.rules?.reportingError && <p class="hint" data-reporting="unsupported">{t('optStrictReportingUnsupported')}</p>}
      <OrgNote locked={locked} source={view.settings.sources.strictNetwork} />
      <FieldError id={errorId('strictNetwork')} error={error} />
    </div>
  );
}
