/**
 * Back up and restore: the user's own settings to a JSON file, and back from one. The file is
 * checked here (src/core/settings-transfer) and again by the background, which writes it in one
 * change or not at all; keys the organization locks are skipped and said so.
 */
import { useState } from 'preact/hooks';
import { database } from '../core/database.ts';
import { policyDatabase } from '../core/policy-database.ts';
import { type ImportPlan, MAX_SETTINGS_FILE_CHARS, planImport, settingsFileText } from '../core/settings-transfer/settings-file.ts';
import type { UserKey } from '../core/settings.ts';
import { sendMessage } from '../shared/send-message.ts';
import { t } from '../shared/t.ts';
import { downloadText } from './download.ts';
import { formatCount, localDate } from './format-time.ts';
import { ProblemList } from './ProblemList.tsx';
import { settingName } from './setting-names.ts';
import type { ReadySettings } from './use-options-settings.ts';

type Outcome =
  | { kind: 'imported'; count: number; skipped: UserKey[] }
  | { kind: 'refused'; text: string; problems?: ReadonlyArray<{ key: string; reason: string }> };

/** The reason a file was refused, in words. */
function refusalText(plan: Exclude<ImportPlan, { ok: true }>): string {
  switch (plan.why) {
    case 'too-large':
      return t('optImportTooLarge');
    case 'not-json':
      return t('optImportNotJson', [plan.detail]);
    case 'not-settings-file':
      return t('optImportNotSettings');
    case 'unsupported-version':
      return t('optImportVersion', [plan.version]);
    case 'no-settings':
      return t('optImportNoSettings');
    case 'bad-values':
      return t('optImportBadValues');
  }
}

export function SettingsTransfer({ settings }: { settings: ReadySettings }) {
  const { view } = settings;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const exportFile = () => downloadText(`ai-guard-settings-${localDate(Date.now())}.json`, 'application/json', settingsFileText(view.user, Date.now()));
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const db = policyDatabase(database, view.settings);
      // A file far too large is refused by its size, before its text is read into memory (UTF-8
      // takes at least one byte a character, so more bytes than 4 × the limit cannot fit).
      const plan: ImportPlan =
        file.size > MAX_SETTINGS_FILE_CHARS * 4 ? { ok: false, why: 'too-large' } : planImport(await file.text(), view.settings.locked, (id) => db.provider(id) !== undefined);
      if (!plan.ok) return setOutcome({ kind: 'refused', text: refusalText(plan), ...(plan.why === 'bad-values' ? { problems: plan.problems } : {}) });
      const count = Object.keys(plan.patch).length;
      if (count > 0) {
        const result = await sendMessage({ type: 'ui-to-bg/update-settings', patch: plan.patch });
        if (!result.ok) return setOutcome({ kind: 'refused', text: t('optImportRefusedByBackground', [result.error]), ...(result.problems ? { problems: result.problems } : {}) });
      }
      setOutcome({ kind: 'imported', count, skipped: plan.skipped });
    } catch (error) {
      setOutcome({ kind: 'refused', text: t('optImportRefusedByBackground', [error instanceof Error ? error.message : String(error)]) });
    } finally {
      setBusy(false);
      // The same file can be chosen again after fixing it.
      input.value = '';
    }
  };
  return (
    <section class="panel" id="backup" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('optTransferTitle')}</h2>
      <p class="muted">{t('optTransferIntro')}</p>
      <div class="transfer">
        <div class="transfer-part">
          <button type="button" id="settings-export" onClick={exportFile}>
            {t('optExportSettings')}
          </button>
          <span class="hint">{t('optExportHint')}</span>
        </div>
        <div class="transfer-part">
          {/* The browser's own file field says "Choose File" in the browser's language, not the page's:
              it is hidden and its label does the work (a click or Enter on it opens the file chooser). */}
          <input id="settings-import" class="file-input" type="file" accept=".json,application/json" disabled={busy} onChange={(e) => void importFile(e.currentTarget)} />
          <label for="settings-import" class="file-button">
            {t('optImportSettings')}
          </label>
          <span class="hint">{t('optImportHint')}</span>
        </div>
      </div>
      {outcome?.kind === 'imported' && (
        <div class="import-result" role="status" data-import="imported" data-imported={outcome.count}>
          <p>{outcome.count === 0 ? t('optImportedNone') : t('optImported', [formatCount(outcome.count)])}</p>
          {outcome.skipped.length > 0 && (
            <p data-import-skipped={outcome.skipped.join(',')}>{t('optImportSkipped', [outcome.skipped.map(settingName).join(t('listSeparator'))])}</p>
          )}
        </div>
      )}
      {outcome?.kind === 'refused' && (
        <div class="field-error import-result" role="alert" data-import="refused">
          <p>
            <span aria-hidden="true">⚠ </span>
            {outcome.text}
          </p>
          {outcome.problems && <ProblemList id="import-problems" problems={outcome.problems} />}
          <p>{t('optImportNothingChanged')}</p>
        </div>
      )}
    </section>
  );
}
