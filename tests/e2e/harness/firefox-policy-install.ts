/**
 * Firefox installing an add-on from enterprise policy alone (ExtensionSettings with install_url in
 * policies.json), the way docs/deployment.md tells admins to: no WebDriver session and no
 * temporary install, so the result is read where Firefox keeps it, the profile's extensions.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIREFOX_PATH } from './firefox.ts';

/** What extensions.json says about one add-on (signedState 0: not signed). */
export interface InstalledAddon {
  id: string;
  version: string;
  active: boolean;
  signedState?: number;
  location: string;
}

export interface FirefoxPolicyInstallOptions {
  /** The add-on to look for. */
  id: string;
  /** Profile preferences (user.js). */
  prefs?: Record<string, boolean | number | string>;
  /** Resolves once Firefox has fetched the .xpi; the run then goes on for `settleMs` and Firefox is closed. */
  fetched: Promise<void>;
  settleMs?: number;
}

/**
 * Starts Firefox in a new profile (the policy file must be in place), waits for the .xpi to be
 * fetched and a moment more, closes Firefox (which writes extensions.json) and returns the add-on's
 * record, or undefined when Firefox did not install it.
 */
export async function firefoxPolicyInstall(options: FirefoxPolicyInstallOptions): Promise<InstalledAddon | undefined> {
  const profile = mkdtempSync(join(tmpdir(), 'ajg-firefox-policy-'));
  try {
    const prefs = Object.entries(options.prefs ?? {}).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`);
    writeFileSync(join(profile, 'user.js'), `${prefs.join('\n')}\n`);
    const child = spawn(FIREFOX_PATH, ['--headless', '--no-remote', '--profile', profile, 'about:blank'], { stdio: 'ignore' });
    const exited = new Promise((ok) => child.once('exit', ok));
    try {
      await Promise.race([options.fetched, new Promise((_, fail) => setTimeout(() => fail(new Error('Firefox did not fetch the .xpi within 30 s')), 30_000))]);
      await new Promise((ok) => setTimeout(ok, options.settleMs ?? 5_000));
    } finally {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, 10_000))]);
      child.kill('SIGKILL');
    }
    const file = join(profile, 'extensions.json');
    if (!existsSync(file)) return undefined;
    const { addons } = JSON.parse(readFileSync(file, 'utf8')) as { addons: InstalledAddon[] };
    return addons.find((a) => a.id === options.id);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
