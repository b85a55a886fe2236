/**
 * "My preferred AI tool": a name and an https address, offered on the block page, the in-page
 * warning and the popup where a service is blocked or risky (after the organization's approved
 * tools). Checked here with the rule the background applies, and saved with the Save button.
 */
import { useEffect, useState } from 'preact/hooks';
import { preferredToolOf } from '../core/guidance/preferred-tool.ts';
import { errorId, fieldState } from './field-state.ts';
import { FieldError } from './FieldError.tsx';
import { OrgNote } from './OrgNote.tsx';
import type { ReadySettings } from './use-options-settings.ts';
import { t } from '../shared/t.ts';

export function PreferredToolField({ settings }: { settings: ReadySettings }) {
  const { view, errors, update } = settings;
  const { locked, attrs } = fieldState(view, 'preferredTool');
  const tool = view.settings.preferredTool;
  const [name, setName] = useState(tool?.name ?? '');
  const [url, setUrl] = useState(tool?.url ?? '');
  const [invalid, setInvalid] = useState<string | null>(null);
  useEffect(() => {
    setName(tool?.name ?? '');
    setUrl(tool?.url ?? '');
  }, [tool?.name, tool?.url]);
  const save = () => {
    if (!name.trim() && !url.trim()) {
      setInvalid(null);
      if (tool) void update('preferredTool', null);
      return;
    }
    const checked = preferredToolOf({ name, url: url.trim() });
    if (!('ok' in checked)) return setInvalid(t('optPreferredToolInvalid'));
    setInvalid(null);
    void update('preferredTool', checked.ok);
  };
  const error = invalid ?? errors.preferredTool;
  const describedBy = error ? errorId('preferredTool') : undefined;
  return (
    <form
      class="field preferred-tool"
      {...attrs}
      data-source={view.settings.sources.preferredTool}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <span class="label" id="preferredTool-title">
        {t('optPreferredTool')}
      </span>
      <span class="hint">{t('optPreferredToolHint')}</span>
      <span class="inline">
        <label for="preferredTool-name">{t('optPreferredToolName')}</label>
        <input id="preferredTool-name" type="text" maxLength={60} autocomplete="off" value={name} disabled={locked} aria-describedby={describedBy} onInput={(e) => setName(e.currentTarget.value)} />
        <label for="preferredTool-url">{t('optPreferredToolUrl')}</label>
        <input id="preferredTool-url" type="text" inputMode="url" placeholder={t('optPreferredToolUrlPlaceholder')} autocomplete="off" spellcheck={false} value={url} disabled={locked} aria-describedby={describedBy} onInput={(e) => setUrl(e.currentTarget.value)} />
        <button type="submit" disabled={locked}>
          {t('optSave')}
        </button>
      </span>
      <OrgNote locked={locked} source={view.settings.sources.preferredTool} />
      <FieldError id={errorId('preferredTool')} error={error} />
    </form>
  );
}
