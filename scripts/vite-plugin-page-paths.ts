/**
 * Moves built extension pages to short, stable paths at the extension root
 * (`src/popup/index.html` → `popup.html`) and points the manifest at them. Support staff, admins
 * and tests open `popup.html?tab=<id>` directly, so that URL is part of the product. The pages
 * load their scripts and styles by absolute path (`/assets/…`), so moving them changes nothing
 * else.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

export function pagePathsPlugin(moves: Record<string, string>): Plugin {
  let outDir = '';
  return {
    name: 'ajg:page-paths',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      const manifestPath = join(outDir, 'manifest.json');
      let manifest = readFileSync(manifestPath, 'utf8');
      for (const [from, to] of Object.entries(moves)) {
        const source = join(outDir, from);
        if (!existsSync(source)) this.error(`page-paths: ${from} was not built`);
        renameSync(source, join(outDir, to));
        removeEmptyDirs(dirname(source), outDir);
        manifest = manifest.replaceAll(JSON.stringify(from), JSON.stringify(to));
      }
      writeFileSync(manifestPath, manifest);
    },
  };
}

function removeEmptyDirs(dir: string, stopAt: string): void {
  for (let d = dir; d.startsWith(stopAt) && d !== stopAt && readdirSync(d).length === 0; d = dirname(d)) rmdirSync(d);
}
