/**
 * Copies files from assets/ that the manifest names but crxjs does not emit itself
 * (`storage.managed_schema`). Icons are emitted by crxjs from their manifest paths.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export function copyAssetsPlugin(assetsDir: string, files: readonly string[]): Plugin {
  return {
    name: 'ajg:copy-assets',
    generateBundle() {
      for (const fileName of files) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(`${assetsDir}/${fileName}`) });
      }
    },
  };
}
