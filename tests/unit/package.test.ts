/**
 * `npm run package` (scripts/package.ts): the .crx is a CRX3 file Chromium's verifier would accept
 * (read here with a protobuf reader of its own and node:crypto), its zip is the build without the
 * dev key, the update manifest is well-formed XML naming the right ID, version and .crx, runs are
 * byte-identical (in two time zones), and without a key the admin is told how to make one.
 * It packages a small made-up build, so it needs no `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, verify } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { extensionIdOf } from '../../scripts/package/crx3.ts';
import { makePackages } from '../../scripts/package/make-packages.ts';
import { CHROME_EXTENSION_ID } from '../../src/core/constants.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'ajg-package-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const DEV_KEY = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')).key as string;

/** A made-up build: dist/chrome with the dev key, dist/firefox without, a nested file in each. */
function fakeDist(): string {
  const dist = join(work, 'dist');
  for (const target of ['chrome', 'firefox']) {
    mkdirSync(join(dist, target, 'src', 'background'), { recursive: true });
    const manifest = { manifest_version: 3, name: 'Test', version: '1.2.3', ...(target === 'chrome' ? { key: DEV_KEY } : {}) };
    writeFileSync(join(dist, target, 'manifest.json'), JSON.stringify(manifest));
    writeFileSync(join(dist, target, 'src', 'background', 'index.js'), `console.log(${JSON.stringify(target)});\n`);
    writeFileSync(join(dist, target, 'popup.html'), '<!doctype html><title>popup</title>\n');
  }
  return dist;
}
const dist = fakeDist();
const keyFile = join(work, 'key.pem');
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicDer = publicKey.export({ type: 'spki', format: 'der' });
writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));

/** Protobuf fields of wire type 2 (all CRX3 uses), as field number → values. */
function protobufFields(bytes: Buffer): Map<number, Buffer[]> {
  const fields = new Map<number, Buffer[]>();
  let at = 0;
  const varint = () => {
    let value = 0;
    for (let shift = 1; ; shift *= 128) {
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const key = varint();
    expect(key % 8, 'wire type').toBe(2);
    const length = varint();
    const field = Math.floor(key / 8);
    fields.set(field, [...(fields.get(field) ?? []), bytes.subarray(at, at + length)]);
    at += length;
  }
  expect(at).toBe(bytes.length);
  return fields;
}

function runCli(args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/package.ts'), '--no-build', '--dist', dist, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, AJG_CRX_KEY: '', ...env },
  });
}

describe('package: CRX3', () => {
  const out = join(work, 'crx');
  const result = makePackages({ distDir: dist, outDir: out, key: privateKey, updateUrl: 'https://intranet.example/ajg/updates.xml' });
  const crxPath = join(out, 'ai-jurisdiction-guard-1.2.3.crx');

  it('derives the extension ID as Chromium does (the dev key gives the pinned unpacked ID)', () => {
    expect(extensionIdOf(Buffer.from(DEV_KEY, 'base64'))).toBe(CHROME_EXTENSION_ID);
    expect(result.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('has the CRX3 header, one RSA proof that verifies over the signed data and the zip, and the crx_id of its key', () => {
    const crx = readFileSync(crxPath);
    expect(crx.subarray(0, 4).toString('latin1')).toBe('Cr24');
    expect(crx.readUInt32LE(4)).toBe(3);
    const headerLength = crx.readUInt32LE(8);
    const header = protobufFields(crx.subarray(12, 12 + headerLength));
    const zip = crx.subarray(12 + headerLength);
    expect([...header.keys()].sort((a, b) => a - b)).toEqual([2, 10000]);
    const [proof] = header.get(2)!;
    expect(header.get(2)).toHaveLength(1);
    const proofFields = protobufFields(proof!);
    const publicKey = proofFields.get(1)![0]!;
    const signature = proofFields.get(2)![0]!;
    const signedHeaderData = header.get(10000)![0]!;
    const crxId = protobufFields(signedHeaderData).get(1)![0]!;
    expect(crxId).toHaveLength(16);
    // crx_id is the first 16 bytes of the key's SHA-256, which the ID spells in a-p.
    expect([...crxId.toString('hex')].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('')).toBe(result.extensionId);
    expect(extensionIdOf(publicKey)).toBe(result.extensionId);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(signedHeaderData.length);
    const signed = Buffer.concat([Buffer.from('CRX3 SignedData\x00', 'latin1'), size, signedHeaderData, zip]);
    const spki = { key: publicKey, format: 'der', type: 'spki' } as const;
    expect(verify('sha256', signed, spki, signature)).toBe(true);
    // A changed byte in the zip breaks it, as it must.
    const tampered = Buffer.from(signed);
    tampered[tampered.length - 1]! ^= 1;
    expect(verify('sha256', tampered, spki, signature)).toBe(false);
    // The zip inside is the build, its manifest naming the update URL (later updates come from there).
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['manifest.json', 'popup.html', 'src/background/index.js']);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'));
    expect(manifest).toEqual({ manifest_version: 3, name: 'Test', version: '1.2.3', update_url: 'https://intranet.example/ajg/updates.xml' });
    expect(Buffer.from(files['src/background/index.js']!).equals(readFileSync(join(dist, 'chrome/src/background/index.js')))).toBe(true);
  });

  it('zips the Chrome build without the dev key, and the Firefox build as it is', () => {
    const chrome = unzipSync(readFileSync(join(out, 'ai-jurisdiction-guard-1.2.3-chrome.zip')));
    expect(Object.keys(chrome).sort()).toEqual(['manifest.json', 'popup.html', 'src/background/index.js']);
    const manifest = JSON.parse(Buffer.from(chrome['manifest.json']!).toString('utf8'));
    expect(manifest).toEqual({ manifest_version: 3, name: 'Test', version: '1.2.3' });
    expect(Buffer.from(chrome['src/background/index.js']!).equals(readFileSync(join(dist, 'chrome/src/background/index.js')))).toBe(true);
    const firefox = unzipSync(readFileSync(join(out, 'ai-jurisdiction-guard-1.2.3-firefox.xpi')));
    expect(Object.keys(firefox).sort()).toEqual(['manifest.json', 'popup.html', 'src/background/index.js']);
    expect(Buffer.from(firefox['manifest.json']!).equals(readFileSync(join(dist, 'firefox/manifest.json')))).toBe(true);
  });

  it('writes an update manifest that is well-formed gupdate XML naming the ID, the version and the .crx', () => {
    const xml = readFileSync(join(out, 'updates.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(parsed.gupdate).toMatchObject({ xmlns: 'http://www.google.com/update2/response', protocol: '2.0' });
    expect(parsed.gupdate.app.appid).toBe(result.extensionId);
    expect(parsed.gupdate.app.updatecheck).toEqual({ codebase: 'https://intranet.example/ajg/ai-jurisdiction-guard-1.2.3.crx', version: '1.2.3' });
  });
});

describe('package: the command', () => {
  it('makes byte-identical files on two runs, whatever the time zone, and prints the ID and the policy entry', () => {
    const outputs = ['UTC', 'Pacific/Auckland'].map((tz, i) => {
      const out = join(work, `run-${i}`);
      const printed = runCli(['--key', keyFile, '--base-url', 'https://intranet.example/ajg', '--out', out], { TZ: tz });
      return { out, printed };
    });
    const names = readdirSync(outputs[0]!.out).sort();
    expect(names).toEqual(['ai-jurisdiction-guard-1.2.3-chrome.zip', 'ai-jurisdiction-guard-1.2.3-firefox.xpi', 'ai-jurisdiction-guard-1.2.3.crx', 'updates.xml']);
    expect(readdirSync(outputs[1]!.out).sort()).toEqual(names);
    for (const name of names) {
      expect(readFileSync(join(outputs[1]!.out, name)).equals(readFileSync(join(outputs[0]!.out, name))), name).toBe(true);
    }
    const id = extensionIdOf(publicDer);
    expect(outputs[0]!.printed).toContain(`Extension ID (from the key): ${id}`);
    expect(outputs[0]!.printed).toContain(`ExtensionInstallForcelist entry: ${id};https://intranet.example/ajg/updates.xml`);
    expect(outputs[0]!.printed).toMatch(/ai-jurisdiction-guard-1\.2\.3\.crx +[\d.]+ KiB +sha256 [0-9a-f]{64}/);
  });

  it('takes the key from AJG_CRX_KEY too, as a path or as the PEM itself', () => {
    const byPath = runCli(['--out', join(work, 'env-path')], { AJG_CRX_KEY: keyFile });
    const byPem = runCli(['--out', join(work, 'env-pem')], { AJG_CRX_KEY: readFileSync(keyFile, 'utf8') });
    const id = extensionIdOf(publicDer);
    for (const printed of [byPath, byPem]) expect(printed).toContain(`Extension ID (from the key): ${id}`);
    // A key but no URL: the .crx, and a word on why there is no update manifest.
    expect(readdirSync(join(work, 'env-pem'))).toContain('ai-jurisdiction-guard-1.2.3.crx');
    expect(byPem).toContain('updates.xml was not made');
    const bare = readFileSync(join(work, 'env-pem', 'ai-jurisdiction-guard-1.2.3.crx'));
    const bareManifest = unzipSync(bare.subarray(12 + bare.readUInt32LE(8)))['manifest.json']!;
    expect(JSON.parse(Buffer.from(bareManifest).toString('utf8'))).not.toHaveProperty('update_url');
  });

  it('says in one line when the key cannot be used', () => {
    const run = (key: string) => {
      try {
        runCli(['--key', key, '--out', join(work, 'bad-key')]);
        return 'exited 0';
      } catch (error) {
        return String((error as { stderr?: string }).stderr);
      }
    };
    expect(run(join(work, 'missing.pem'))).toMatch(/^Cannot use the signing key \(--key or AJG_CRX_KEY\): ENOENT/);
    const ecKey = join(work, 'ec.pem');
    writeFileSync(ecKey, generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    expect(run(ecKey)).toContain('the CRX key must be an RSA key, not ec');
  });

  it('without a key, says how to make one and still makes the store zip and the .xpi', () => {
    const out = join(work, 'no-key');
    const printed = runCli(['--out', out]);
    expect(printed).toContain('No signing key given');
    expect(printed).toContain('openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048');
    expect(printed).toContain('--key');
    expect(readdirSync(out).sort()).toEqual(['ai-jurisdiction-guard-1.2.3-chrome.zip', 'ai-jurisdiction-guard-1.2.3-firefox.xpi']);
  });
});
