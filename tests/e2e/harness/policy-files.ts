/**
 * Machine-wide policy files for the managed-policy e2e tests. Browsers read them from fixed
 * folders shared by every browser on the machine, so a test installs its file only while its own
 * browser runs (e2e files run one at a time) and puts back whatever was there before, folders
 * included: a folder it had to create is removed again when it is empty. If a run is killed
 * half-way, the next run's global set-up puts things back first, which is why what to undo is kept
 * on disk, next to the file, rather than in memory.
 *
 * Every function takes the file's path, so that tests/unit/policy-files.test.ts can exercise them
 * in a temporary folder instead of /etc.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, realpathSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FIREFOX_PATH } from './firefox.ts';

/** Chromium on Linux reads every *.json here; ours has a name of its own. */
export const CHROMIUM_POLICY_FILE = '/etc/chromium/policies/managed/ai-jurisdiction-guard-e2e.json';

/** Firefox reads one policies.json in its installation's distribution folder. */
export function firefoxPolicyFile(firefoxPath = FIREFOX_PATH): string {
  return join(dirname(realpathSync(firefoxPath)), 'distribution', 'policies.json');
}

/** The policy files of every browser there is on this machine. */
export function allPolicyFiles(): string[] {
  return [CHROMIUM_POLICY_FILE, ...(existsSync(FIREFOX_PATH) ? [firefoxPolicyFile()] : [])];
}

const backupOf = (file: string) => `${file}.ajg-e2e-backup`;
/** Says that `file` is ours; holds the folders we created for it (JSON `{ createdDirs }`, deepest last). */
const markerOf = (file: string) => `${file}.ajg-e2e-installed`;

/** The folders above `file` that do not exist yet, outermost first. */
function missingDirs(file: string): string[] {
  const missing: string[] = [];
  for (let dir = dirname(file); !existsSync(dir); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  return missing;
}

function createdDirsOf(file: string): string[] {
  try {
    const { createdDirs } = JSON.parse(readFileSync(markerOf(file), 'utf8')) as { createdDirs?: unknown };
    return Array.isArray(createdDirs) ? createdDirs.filter((d): d is string => typeof d === 'string') : [];
  } catch {
    return []; // an empty marker, from before folders were recorded
  }
}

/** Writes `content` to `file`, keeping a copy of a file that was there and noting the folders it had to create. */
export function installPolicyFile(file: string, content: unknown): void {
  try {
    const ours = existsSync(markerOf(file));
    // Installed twice without a restore in between: the folders created the first time stay on the list.
    const createdDirs = ours ? createdDirsOf(file) : missingDirs(file);
    mkdirSync(dirname(file), { recursive: true });
    if (existsSync(file) && !ours) copyFileSync(file, backupOf(file));
    writeFileSync(markerOf(file), JSON.stringify({ createdDirs }));
    writeFileSync(file, JSON.stringify(content));
  } catch (error) {
    throw new Error(`cannot write ${file} (the managed-policy tests need root, as CI has): ${String(error)}`);
  }
}

/**
 * Removes our file, puts back what was there before, and removes the folders we created if
 * nothing else was put in them meanwhile; does nothing if we installed nothing.
 */
export function restorePolicyFile(file: string): void {
  if (!existsSync(markerOf(file))) return;
  const createdDirs = createdDirsOf(file);
  rmSync(file, { force: true });
  if (existsSync(backupOf(file))) {
    copyFileSync(backupOf(file), file);
    rmSync(backupOf(file));
  }
  rmSync(markerOf(file));
  for (const dir of [...createdDirs].reverse()) {
    try {
      rmdirSync(dir); // only when empty
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      break; // not empty: someone else's files are in it, so its parents stay too
    }
  }
}

export function restoreAllPolicyFiles(files: readonly string[] = allPolicyFiles()): void {
  for (const file of files) restorePolicyFile(file);
}
