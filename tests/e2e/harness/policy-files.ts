/**
 * Machine-wide policy files for the managed-policy e2e tests. Browsers read them from fixed
 * folders shared by every browser on the machine, so a test installs its file only while its own
 * browser runs (e2e files run one at a time) and puts back whatever was there before. If a run is
 * killed half-way, the next run's global set-up puts things back first.
 */
import { copyFileSync, existsSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FIREFOX_PATH } from './firefox.ts';

/** Chromium on Linux reads every *.json here; ours has a name of its own. */
export const CHROMIUM_POLICY_FILE = '/etc/chromium/policies/managed/ai-jurisdiction-guard-e2e.json';

/** Firefox reads one policies.json in its installation's distribution folder. */
export function firefoxPolicyFile(): string {
  return join(dirname(realpathSync(FIREFOX_PATH)), 'distribution', 'policies.json');
}

const backupOf = (file: string) => `${file}.ajg-e2e-backup`;
const markerOf = (file: string) => `${file}.ajg-e2e-installed`;

/** Writes `content` to `file`, keeping a copy of a file that was there. */
export function installPolicyFile(file: string, content: unknown): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    if (existsSync(file) && !existsSync(markerOf(file))) copyFileSync(file, backupOf(file));
    writeFileSync(markerOf(file), '');
    writeFileSync(file, JSON.stringify(content));
  } catch (error) {
    throw new Error(`cannot write ${file} (the managed-policy tests need root, as CI has): ${String(error)}`);
  }
}

/** Removes our file and puts back what was there before; does nothing if we installed nothing. */
export function restorePolicyFile(file: string): void {
  if (!existsSync(markerOf(file))) return;
  rmSync(file, { force: true });
  if (existsSync(backupOf(file))) {
    copyFileSync(backupOf(file), file);
    rmSync(backupOf(file));
  }
  rmSync(markerOf(file));
}

export function restoreAllPolicyFiles(): void {
  restorePolicyFile(CHROMIUM_POLICY_FILE);
  if (existsSync(FIREFOX_PATH)) restorePolicyFile(firefoxPolicyFile());
}
