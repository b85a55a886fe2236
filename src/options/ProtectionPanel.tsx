/** How the extension acts: mode, risk threshold, in-page warning, audit log. */
import { BlockLevelField } from './BlockLevelField.tsx';
import { ModeField } from './ModeField.tsx';
import { RetentionField } from './RetentionField.tsx';
import type { ReadySettings } from './use-options-settings.ts';
import { WarningField } from './WarningField.tsx';

export function ProtectionPanel({ settings }: { settings: ReadySettings }) {
  return (
    <section class="panel" id="protection" aria-labelledby="protection-title">
      <h2 id="protection-title">Protection</h2>
      <ModeField settings={settings} />
      <BlockLevelField settings={settings} />
      <WarningField settings={settings} />
      <RetentionField settings={settings} />
    </section>
  );
}
