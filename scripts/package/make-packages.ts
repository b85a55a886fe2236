/**
 * Turns the built extension (dist/chrome, dist/firefox) into the files an admin deploys:
 * a store zip for the Chrome Web Store and Edge Add-ons, a signed .crx with its update manifest
 * for self-hosting, and an unsigned Firefox .xpi for Mozilla to sign. Everything is reproducible:
 * the same build and key give the same bytes (see zip-directory.ts; RSA PKCS#1 v1.5 signatures
 * have no randomness).
 */
import { createHash, type KeyObject } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crx3, extensionIdOf, publicKeyDer } from './crx3.ts';
import { updateManifestXml } from './update-manifest.ts';
import { zipDirectory } from './zip-directory.ts';

export const PACKAGE_NAME = 'ai-jurisdiction-guard';
export const UPDATE_MANIFEST_NAME = 'updates.xml';

/** What an admin runs to make a key, said whenever none is given. */
export const KEY_HELP = [
  'No signing key given: the .crx and its update manifest were not made (the store zip and the Firefox .xpi were).',
  'Make a key once, keep it safe and out of the repository (the extension ID comes from it; a new key means a new ID):',
  '  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out ajg-crx-key.pem',
  'then: npm run package -- --key ajg-crx-key.pem --base-url https://your.server/ajg/',
].join('\n');

export interface PackageOptions {
  /** The build, with chrome/ and firefox/ in it. */
  distDir: string;
  outDir: string;
  /** The admin's RSA key; without it no .crx is made. */
  key?: KeyObject;
  /** Where updates.xml will be served (the update URL in policies). */
  updateUrl?: string;
  /** Where the .crx will be served; by default next to updates.xml. Needs updateUrl. */
  codebase?: string;
}

export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
}

export interface PackageResult {
  version: string;
  files: WrittenFile[];
  /** The ID the key gives (only with a key). */
  extensionId?: string;
  updateUrl?: string;
  codebase?: string;
  /** Things the admin should know: a missing key, a missing update URL. */
  notes: string[];
}

function readManifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

export function makePackages(options: PackageOptions): PackageResult {
  const chromeDir = join(options.distDir, 'chrome');
  const firefoxDir = join(options.distDir, 'firefox');
  const chromeManifest = readManifest(chromeDir);
  const version = String(chromeManifest.version);
  const firefoxVersion = String(readManifest(firefoxDir).version);
  if (firefoxVersion !== version) throw new Error(`dist/chrome is ${version} but dist/firefox is ${firefoxVersion}: rebuild both`);

  // The repository's manifest carries a development `key` so that unpacked builds keep one ID.
  // A packaged extension's ID comes from the key that signs the .crx (or from the store), so the
  // dev key is left out: the store refuses a manifest with a key, and a .crx must not claim one
  // that is not its own.
  const { key: _devKey, ...storeManifest } = chromeManifest;
  const storeZip = zipDirectory(chromeDir, { 'manifest.json': Buffer.from(`${JSON.stringify(storeManifest, null, 2)}\n`) });
  const xpi = zipDirectory(firefoxDir);

  // Earlier runs' files would be taken for this run's: ours are removed first, nothing else.
  mkdirSync(options.outDir, { recursive: true });
  for (const name of readdirSync(options.outDir)) {
    if (name.startsWith(`${PACKAGE_NAME}-`) || name === UPDATE_MANIFEST_NAME) rmSync(join(options.outDir, name));
  }
  const files: WrittenFile[] = [];
  const write = (name: string, data: Uint8Array | string) => {
    const path = join(options.outDir, name);
    writeFileSync(path, data);
    const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    files.push({ path, bytes, sha256: createHash('sha256').update(data).digest('hex') });
  };
  write(`${PACKAGE_NAME}-${version}-chrome.zip`, storeZip);
  write(`${PACKAGE_NAME}-${version}-firefox.xpi`, xpi);

  const notes: string[] = [];
  if (!options.key) {
    notes.push(KEY_HELP);
    return { version, files, notes };
  }
  const extensionId = extensionIdOf(publicKeyDer(options.key));
  const crxName = `${PACKAGE_NAME}-${version}.crx`;
  if (!options.updateUrl) {
    write(crxName, crx3(storeZip, options.key));
    notes.push(
      `No --base-url or --update-url given: ${UPDATE_MANIFEST_NAME} was not made, and the .crx names no update URL, so browsers will not update it by themselves (ExtensionSettings' update_url with override_update_url can still point them at one).`,
    );
    return { version, files, extensionId, notes };
  }
  // Chrome and Edge use the policy's update URL for the first install only; later updates follow
  // the manifest's update_url, so the self-hosted .crx names the admin's (the store zip cannot:
  // the stores set their own).
  const crxManifest = { ...storeManifest, update_url: options.updateUrl };
  const crxZip = zipDirectory(chromeDir, { 'manifest.json': Buffer.from(`${JSON.stringify(crxManifest, null, 2)}\n`) });
  write(crxName, crx3(crxZip, options.key));
  const codebase = options.codebase ?? new URL(crxName, options.updateUrl).href;
  for (const url of [options.updateUrl, codebase]) {
    // Chrome fetches both with the machine's trust store; http works but lets anyone on the path swap the package.
    if (new URL(url).protocol !== 'https:') notes.push(`${url} is not https: serve the update files over https.`);
  }
  write(UPDATE_MANIFEST_NAME, updateManifestXml({ appId: extensionId, version, codebase }));
  return { version, files, extensionId, codebase, updateUrl: options.updateUrl, notes };
}
