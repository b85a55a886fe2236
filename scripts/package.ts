/**
 * `npm run package`: the files an admin deploys, in artifacts/packages/ (see docs/deployment.md).
 *
 *   npm run package -- --key ajg-crx-key.pem --base-url https://intranet.example/ajg/
 *
 * --key FILE       the admin's RSA private key (PEM) that signs the .crx; or env AJG_CRX_KEY
 *                  (a file path, or the PEM itself). Without one, no .crx is made.
 * --base-url URL   the folder the files will be served from: updates.xml and the .crx live there.
 * --update-url URL where updates.xml is served, if not <base-url>updates.xml.
 * --codebase URL   where the .crx is served, if not next to updates.xml (with --base-url or --update-url).
 * --out DIR        instead of artifacts/packages.
 * --dist DIR       the build to package, instead of dist (with chrome/ and firefox/ in it).
 * --no-build       package dist/ as it is instead of building first.
 */
import { spawnSync } from 'node:child_process';
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makePackages, UPDATE_MANIFEST_NAME } from './package/make-packages.ts';
import { readPrivateKey } from './package/crx3.ts';

const ROOT = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    key: { type: 'string' },
    'base-url': { type: 'string' },
    'update-url': { type: 'string' },
    codebase: { type: 'string' },
    out: { type: 'string' },
    dist: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
  },
});

function keyPem(): string | undefined {
  const given = values.key ?? process.env.AJG_CRX_KEY;
  if (!given) return undefined;
  return given.trimStart().startsWith('-----BEGIN') ? given : readFileSync(resolve(given), 'utf8');
}

const baseUrl = values['base-url'] && (values['base-url'].endsWith('/') ? values['base-url'] : `${values['base-url']}/`);
const updateUrl = values['update-url'] ?? (baseUrl ? new URL(UPDATE_MANIFEST_NAME, baseUrl).href : undefined);

if (!values['no-build']) {
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

let key: KeyObject | undefined;
try {
  const pem = keyPem();
  key = pem ? readPrivateKey(pem) : undefined;
} catch (error) {
  // A wrong path or a file that is not a PEM RSA key: one line, not a stack trace.
  console.error(`Cannot use the signing key (--key or AJG_CRX_KEY): ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const result = makePackages({
  distDir: resolve(ROOT, values.dist ?? 'dist'),
  outDir: resolve(ROOT, values.out ?? 'artifacts/packages'),
  ...(key ? { key } : {}),
  ...(updateUrl ? { updateUrl } : {}),
  ...(values.codebase ? { codebase: values.codebase } : {}),
});

console.log(`Packaged version ${result.version}:`);
for (const file of result.files) {
  console.log(`  ${relative(process.cwd(), file.path)}  ${(file.bytes / 1024).toFixed(1)} KiB  sha256 ${file.sha256}`);
}
if (result.extensionId) {
  console.log(`Extension ID (from the key): ${result.extensionId}`);
  if (result.updateUrl) console.log(`ExtensionInstallForcelist entry: ${result.extensionId};${result.updateUrl}`);
}
for (const note of result.notes) console.log(`\n${note}`);
