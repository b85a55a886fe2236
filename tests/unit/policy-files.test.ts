/**
 * The e2e harness's machine-wide policy files (tests/e2e/harness/policy-files.ts), exercised in a
 * temporary folder standing in for /etc: what was there comes back, and folders created for the
 * test go away again unless something else was put in them.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installPolicyFile, restoreAllPolicyFiles, restorePolicyFile } from '../e2e/harness/policy-files.ts';

describe('policy files of the e2e tests', () => {
  let etc: string;
  beforeEach(() => {
    etc = mkdtempSync(join(tmpdir(), 'ajg-policy-files-'));
  });
  afterEach(() => rmSync(etc, { recursive: true, force: true }));

  it('creates the folders it needs and removes them again, leaving the folder that was there', () => {
    mkdirSync(join(etc, 'chromium'));
    const file = join(etc, 'chromium/policies/managed/ours.json');
    installPolicyFile(file, { a: 1 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ a: 1 });
    // A second install before the restore (as a test changing its policy does) still knows the folders.
    installPolicyFile(file, { a: 2 });
    restorePolicyFile(file);
    expect(existsSync(join(etc, 'chromium/policies'))).toBe(false);
    expect(readdirSync(join(etc, 'chromium'))).toEqual([]);
  });

  it('keeps a created folder that something else was put in meanwhile, and its parents', () => {
    const file = join(etc, 'chromium/policies/managed/ours.json');
    installPolicyFile(file, {});
    writeFileSync(join(etc, 'chromium/policies/managed/admin.json'), '{}');
    restorePolicyFile(file);
    expect(readdirSync(join(etc, 'chromium/policies/managed'))).toEqual(['admin.json']);
  });

  it('puts back the file that was there, in a folder that was there, and touches nothing else', () => {
    const dir = join(etc, 'firefox/distribution');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'policies.json');
    writeFileSync(file, '{"policies":{"theirs":true}}');
    installPolicyFile(file, { policies: { ours: true } });
    installPolicyFile(file, { policies: { ours: 2 } });
    expect(readFileSync(file, 'utf8')).toBe('{"policies":{"ours":2}}');
    restoreAllPolicyFiles([file, join(etc, 'never/installed.json')]);
    expect(readFileSync(file, 'utf8')).toBe('{"policies":{"theirs":true}}');
    expect(readdirSync(dir)).toEqual(['policies.json']);
    expect(existsSync(join(etc, 'never'))).toBe(false);
  });

  it('does nothing for a file it did not install', () => {
    const file = join(etc, 'policies.json');
    writeFileSync(file, 'theirs');
    restorePolicyFile(file);
    expect(readFileSync(file, 'utf8')).toBe('theirs');
  });

  it('cleans up after a run that was killed before a restore with an older, empty marker', () => {
    const file = join(etc, 'managed/ours.json');
    mkdirSync(join(etc, 'managed'));
    writeFileSync(file, '{}');
    writeFileSync(`${file}.ajg-e2e-installed`, '');
    restoreAllPolicyFiles([file]);
    expect(readdirSync(join(etc, 'managed'))).toEqual([]);
  });
});
