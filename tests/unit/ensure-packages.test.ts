/**
 * scripts/ensure.mjs installing what the e2e tests need from Debian, run as `npm test` runs it but
 * with a fake apt-get (and sudo) first on PATH and every program looked for in a temporary folder:
 * which packages it asks for, and that apt's output shows only when the install fails.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const ENSURE = resolve(import.meta.dirname, '../../scripts/ensure.mjs');

describe('Debian packages for the e2e tests', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const paths = () => ({ CHROMIUM_PATH: join(dir, 'chromium'), FIREFOX_PATH: join(dir, 'firefox-esr'), XVFB_PATH: join(dir, 'Xvfb'), XDOTOOL_PATH: join(dir, 'xdotool'), NAMED_CHECKZONE_PATH: join(dir, 'named-checkzone') });
  const script = (file: string, body: string) => {
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, 0o755);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ajg-ensure-'));
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    // apt-get writes what it was asked into a file, chatters like apt, and installs what `install` names.
    const p = paths();
    script(
      join(bin, 'apt-get'),
      `echo "$@" >> ${dir}/apt-calls
echo "Reading package lists..."; echo "Setting up xvfb (2:21.1.7-3) ..."
[ "$FAKE_APT_FAIL" = 1 ] && { echo "E: Unable to locate package xvfb" >&2; exit 100; }
for a in "$@"; do case "$a" in
  chromium) printf '#!/bin/sh\\necho Chromium 1.2.3\\n' > ${p.CHROMIUM_PATH}; chmod +x ${p.CHROMIUM_PATH};;
  firefox-esr) printf '#!/bin/sh\\necho Mozilla Firefox 128.0esr\\n' > ${p.FIREFOX_PATH}; chmod +x ${p.FIREFOX_PATH};;
  xvfb) touch ${p.XVFB_PATH};;
  xdotool) touch ${p.XDOTOOL_PATH};;
  bind9-utils) touch ${p.NAMED_CHECKZONE_PATH};;
esac; done
exit 0`,
    );
    script(join(bin, 'sudo'), '[ "$1" = -n ] && shift; [ "$1" = true ] && exit 0; exec "$@"');
    env = { ...process.env, ...p, PATH: `${bin}:${process.env.PATH}`, FAKE_APT_FAIL: '0' };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const ensure = (call: string, extra: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(ENSURE)}); process.exitCode = ${call} ? 0 : 3;`], {
      env: { ...env, ...extra },
      encoding: 'utf8',
    });

  it('installs the browsers, xvfb, xdotool and bind9-utils that are missing, saying so in one line, without apt’s output', () => {
    const run = ensure('m.ensureDebianPackages()');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      "Installing Debian's chromium fonts-noto-color-emoji fonts-wqy-microhei firefox-esr xvfb xdotool bind9-utils with apt-get (needed by the end-to-end tests)…",
      '  Chromium 1.2.3',
      '  Mozilla Firefox 128.0esr',
    ]);
    const calls = readFileSync(join(dir, 'apt-calls'), 'utf8').trim().split('\n');
    expect(calls[0]).toBe('update -qq');
    expect(calls[1]).toMatch(/^install -y -qq --no-install-recommends .*\bxvfb xdotool bind9-utils$/);
    expect(existsSync(paths().XVFB_PATH) && existsSync(paths().XDOTOOL_PATH)).toBe(true);
    // Everything there: nothing to do, nothing said.
    const again = ensure('m.ensureDebianPackages()');
    expect([again.status, again.stdout, again.stderr]).toEqual([0, '', '']);
  });

  it('installs only Chromium for npm start', () => {
    const run = ensure("m.ensureDebianPackages({ only: ['chromium'] })");
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'apt-calls'), 'utf8')).not.toMatch(/xvfb|xdotool|firefox|bind9/);
  });

  it('shows apt’s whole output when the install fails, and what to do', () => {
    const run = ensure('m.ensureDebianPackages()', { FAKE_APT_FAIL: '1' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Reading package lists...');
    expect(run.stderr).toContain('E: Unable to locate package xvfb');
    expect(run.stderr).toMatch(/Installing chromium .* xvfb xdotool bind9-utils failed .*Install them yourself \(apt-get install /);
  });
});
