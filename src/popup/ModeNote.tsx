/** Says when blocks are not enforced (warn or monitor mode), and who chose that. */
import type { Settings } from './use-settings.ts';

const WORDS = {
  warn: 'Warn mode: nothing is blocked; what the block lists name is only warned about.',
  monitor: 'Monitor mode: nothing is blocked or warned about; AI use is only recorded.',
} as const;

export function ModeNote({ settings }: { settings: Settings }) {
  const mode = settings.view?.settings.mode;
  if (!mode || mode === 'block') return null;
  const byOrg = settings.view!.settings.sources.mode === 'organization';
  return (
    <p class="mode-note" data-mode={mode}>
      {WORDS[mode]}
      {byOrg ? ' Set by your organization.' : ''}
    </p>
  );
}
