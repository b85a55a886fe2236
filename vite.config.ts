/**
 * Builds one browser target per run: `vite build --mode chrome` → dist/chrome,
 * `vite build --mode firefox` → dist/firefox (npm run build does both).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import { compileFrameHints, type FrameHints } from './src/core/detection/detection-hints.ts';
import { loadCatalog, outDirFor } from './scripts/bench/scale-catalog.ts';
import { manifestFor, parseTarget } from './scripts/manifest.ts';
import { copyAssetsPlugin } from './scripts/vite-plugin-copy-assets.ts';
import { localesPlugin } from './scripts/vite-plugin-locales.ts';
import { hookSourceUrlPlugin } from './scripts/vite-plugin-hook-source-url.ts';
import { riskDatabasePlugin } from './scripts/vite-plugin-database.ts';
import { pagePathsPlugin } from './scripts/vite-plugin-page-paths.ts';
import { sourceMapsOutPlugin } from './scripts/vite-plugin-source-maps.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

/**
 * What content scripts carry of the database: the fixed-size host filter. A broken database is
 * reported by the database plugin's buildStart, with one line per problem; here it only leaves
 * the filter empty (an empty filter answers "maybe" to every host: nothing is missed).
 */
function frameHints(): FrameHints {
  try {
    return compileFrameHints(loadCatalog(`${root}src/data`).providers);
  } catch {
    return { hostFilter: '' };
  }
}

export default defineConfig(({ mode }) => {
  const target = parseTarget(mode === 'production' ? undefined : mode);
  const manifest = manifestFor(target, readJson('./manifest.json'), readJson('./package.json').version);
  return {
    root,
    publicDir: false,
    // Passed on to crxjs' separate build of the standalone content scripts (src/content/main-world/detection-hints.ts).
    define: { __AJG_FRAME_HINTS__: JSON.stringify(frameHints()), __AJG_BENCH__: JSON.stringify(process.env.AJG_BENCH === '1') },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      // dist-bench/x<n>/<target> for a benchmark build with AJG_CATALOG_SCALE=<n> (scripts/bench/scale-catalog.ts).
      outDir: outDirFor(target),
      emptyOutDir: true,
      target: target === 'firefox' ? 'firefox128' : 'chrome116',
      // Minified: every frame of every page parses the content scripts (issue 17, `npm run bench`
      // "per-frame scripts"). Reviewers (and Firefox add-on review) read the source maps, which
      // are written without a sourceMappingURL comment and moved out of the package
      // (scripts/vite-plugin-source-maps.ts → dist/<target>-sourcemaps/).
      minify: true,
      sourcemap: 'hidden',
      // The database chunk (the whole bundled catalog, loaded by the worker and the extension
      // pages, never by web pages) is over a megabyte by design.
      chunkSizeWarningLimit: 4096,
      // The block page is reached only through a redirect (web_accessible_resources), which
      // crxjs copies as is, and the first-run page only through tabs.create: neither is in the
      // manifest's pages, so each is built as a page of its own.
      rollupOptions: {
        input: { blocked: `${root}src/blocked/index.html`, welcome: `${root}src/welcome/index.html` },
        // Rolldown warns when plugins take most of a build's time, which on a busy 2-core machine
        // is every build: a warning nobody acts on hides the ones that matter (scripts/ensure.mjs).
        checks: { pluginTimings: false },
      },
    },
    plugins: [
      riskDatabasePlugin(`${root}src/data`),
      localesPlugin(`${root}src/locales`),
      // The manifest names managed_schema.json at the extension root.
      copyAssetsPlugin(`${root}assets`, [manifest.storage.managed_schema]),
      crx({
        manifest: manifest as ManifestV3Export,
        browser: target,
        // Self-contained synchronous files instead of crxjs' async import() loaders: the MAIN
        // world hook must be in place before page scripts run, and loader chunks would be listed
        // as web-accessible resources, which lets any site detect the extension.
        contentScripts: { standaloneFiles: ['src/content/main-world.ts', 'src/content/isolated.ts'] },
      }),
      hookSourceUrlPlugin('src/content/main-world.js'),
      sourceMapsOutPlugin(),
      pagePathsPlugin({ 'src/popup/index.html': 'popup.html', 'src/options/index.html': 'options.html', 'src/blocked/index.html': 'blocked.html', 'src/welcome/index.html': 'welcome.html' }),
    ],
  };
});
