/** The build step: a bad database entry stops `vite build` with file, entry and field. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { riskDatabasePlugin } from '../../scripts/vite-plugin-database.ts';
import { FIXTURE_DIR } from './fixture-database.ts';

async function buildWith(dataDir: string) {
  const root = mkdtempSync(join(tmpdir(), 'ajg-build-'));
  writeFileSync(join(root, 'entry.js'), "import db from 'virtual:risk-database'; export const hosts = Object.keys(db.hosts);");
  const out = await build({
    root,
    logLevel: 'silent',
    configFile: false,
    plugins: [riskDatabasePlugin(dataDir)],
    build: { write: false, lib: { entry: join(root, 'entry.js'), formats: ['es'], fileName: 'entry' } },
  });
  return JSON.stringify(out);
}

describe('database build step', () => {
  it('embeds the compiled lookup tables', async () => {
    const output = await buildWith(FIXTURE_DIR);
    expect(output).toContain('chat.deepseek.com');
    expect(output).toContain('JSON.parse');
  });

  it('fails the build naming the file, the entry and the field of a bad entry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ajg-data-'));
    cpSync(FIXTURE_DIR, dir, { recursive: true });
    const file = join(dir, 'providers', 'openai.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    delete data.products[1].hosts[0].source;
    data.operator.country = 'XX';
    writeFileSync(file, JSON.stringify(data));
    const failure = await buildWith(dir).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/providers\/openai\.json: provider "openai": operator\.country: "XX" is not an ISO 3166-1 country code/);
    expect(failure).toMatch(/providers\/openai\.json: provider "openai": products\[1\]\.hosts\[0\]\.source: missing/);
  });
});
