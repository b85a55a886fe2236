/** Says when blocks are not enforced (warn or monitor mode) or can be lifted with a reason (justify), and who chose that. */
import { t } from '../shared/t.ts';
import type { Settings } from './use-settings.ts';

const WORDS = { warn: 'popModeWarn', monitor: 'popModeMonitor', justify: 'popModeJustify' } as const;

export function ModeNote({ settings }: { settings: Settings }) {
  const mode = settings.view?.settings.mode;
  if (!mode || mode === 'block') return null;
  const byOrg = settings.view!.settings.sources.mode === 'organization';
  return (
    <p class="mode-note" data-mode={mode}>
      {t(WORDS[mode])}
      {byOrg ? ` ${t('popModeByOrg')}` : ''}
    </p>
  );
}
