/**
 * Moves the build's source maps out of the extension: dist/<target>/**\/*.map go to
 * dist/<target>-sourcemaps/ (same relative paths), so the store package (the whole dist/<target>
 * folder) ships minified code only, while developers and reviewers keep the maps beside it. The
 * maps are written as `hidden` (no sourceMappingURL comment), so nothing in the package points
 * at a file that is not there; load them in DevTools by hand ("Add source map…").
 *
 * It runs when the last of the build's outputs is written: crxjs writes the standalone content
 * scripts in builds of their own, before the main build closes.
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

function mapsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...mapsUnder(path));
    else if (entry.name.endsWith('.map')) out.push(path);
  }
  return out;
}

export function sourceMapsOutPlugin(): Plugin {
  // The build's own output folder (dist/<target>, or a benchmark build's elsewhere).
  let outDir = '';
  let mapsDir = '';
  return {
    name: 'ajg:source-maps-out',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      mapsDir = `${outDir}-sourcemaps`;
    },
    buildStart() {
      rmSync(mapsDir, { recursive: true, force: true });
    },
    closeBundle: {
      order: 'post',
      handler() {
        for (const file of mapsUnder(outDir)) {
          const to = join(mapsDir, relative(outDir, file));
          mkdirSync(dirname(to), { recursive: true });
          renameSync(file, to);
        }
      },
    },
  };
}
