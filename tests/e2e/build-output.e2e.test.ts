/**
 * Checks the built extension itself (npm test builds it before this runs): what each browser
 * loads, and the properties the architecture depends on that no page test would notice.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../src/core/constants.ts';

const dist = (target: string) => resolve(import.meta.dirname, '../../dist', target);
const manifestOf = (target: string) => JSON.parse(readFileSync(join(dist(target), 'manifest.json'), 'utf8'));

describe.each(['chrome', 'firefox'])('dist/%s', (target) => {
  const manifest = manifestOf(target);
  const scripts: { js: string[]; world?: string; run_at: string; all_frames: boolean }[] = manifest.content_scripts;

  it('runs a MAIN-world and an isolated-world script at document_start in every http(s) frame', () => {
    expect(scripts.map((s) => s.world ?? 'ISOLATED').sort()).toEqual(['ISOLATED', 'MAIN']);
    for (const s of scripts) {
      expect(s).toMatchObject({ run_at: 'document_start', all_frames: true, matches: ['http://*/*', 'https://*/*'] });
    }
  });

  it('ships content scripts as self-contained classic scripts, not async loaders', () => {
    for (const s of scripts) {
      expect(s.js).toHaveLength(1);
      const code = readFileSync(join(dist(target), s.js[0]!), 'utf8');
      expect(code, s.js[0]).not.toMatch(/^\s*(import|export)\s/m);
      expect(code, s.js[0]).not.toMatch(/\bimport\s*\(/);
    }
  });

  it('exposes to web pages only the block page, under an address they cannot guess', () => {
    // Web-accessible resources let any site detect the extension (and load its code). The block
    // page must be one (a redirect from a link needs it), with a per-session dynamic URL.
    // Firefox has no use_dynamic_url: it gives every install a random address of its own.
    const dynamic = target === 'chrome' ? { use_dynamic_url: true } : {};
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['blocked.html'], matches: ['<all_urls>'], ...dynamic }]);
  });

  it('keeps the MAIN-world script free of extension APIs (none exist in the page world)', () => {
    const main = scripts.find((s) => s.world === 'MAIN')!;
    const code = readFileSync(join(dist(target), main.js[0]!), 'utf8');
    expect(code).not.toMatch(/\b(chrome|browser)\.(runtime|storage|tabs)\b|webextension-polyfill/);
    // The hooks are in the file itself (minified: their names are in its source map, kept out of
    // the package), with the fixed-size host filter built in and no host list, and no stack
    // frame of it names the extension.
    const map = JSON.parse(readFileSync(join(`${dist(target)}-sourcemaps`, `${main.js[0]!}.map`), 'utf8')) as { sources: string[]; names: string[] };
    expect(map.sources.some((s) => s.endsWith('main-world/hook-fetch.ts'))).toBe(true);
    expect(code).toMatch(/hostFilter:`[A-Za-z0-9_-]{10923}`/);
    expect(code).not.toContain('openrouter.ai');
    expect(code.trimEnd().endsWith('//# sourceURL=<anonymous>')).toBe(true);
    expect(code).not.toContain('"jurisdictions"');
  });

  it('ships minified code without source maps or links to them; the maps sit beside the package', () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const shipped = files(dist(target));
    expect(shipped.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const f of shipped.filter((x) => x.endsWith('.js'))) expect(readFileSync(f, 'utf8'), f).not.toContain('sourceMappingURL');
    for (const s of scripts) {
      const code = readFileSync(join(dist(target), s.js[0]!), 'utf8');
      // Minified: long lines (only template texts keep their line breaks), not thousands of short ones.
      expect(code.length / code.split('\n').length, s.js[0]).toBeGreaterThan(500);
      expect(existsSync(join(`${dist(target)}-sourcemaps`, `${s.js[0]!}.map`)), s.js[0]).toBe(true);
    }
  });

  it('has its managed-policy schema, icons, and popup.html and options.html at the root', () => {
    const schema = JSON.parse(readFileSync(join(dist(target), manifest.storage.managed_schema), 'utf8'));
    expect(schema.type).toBe('object');
    for (const icon of Object.values<string>(manifest.icons)) expect(existsSync(join(dist(target), icon)), icon).toBe(true);
    // Support staff and tests open popup.html?tab=<id>: the path is part of the product.
    expect(manifest.action.default_popup).toBe('popup.html');
    expect(manifest.options_ui.page).toBe('options.html');
    for (const page of ['popup.html', 'options.html']) {
      const html = readFileSync(join(dist(target), page), 'utf8');
      for (const [, ref] of html.matchAll(/(?:src|href)="\/([^"]+)"/g)) expect(existsSync(join(dist(target), ref!)), `${page} → ${ref}`).toBe(true);
    }
  });
});

describe('per-browser manifest', () => {
  it('Chrome: module service worker and the key that pins the ID', () => {
    const m = manifestOf('chrome');
    expect(m.background.type).toBe('module');
    expect(existsSync(join(dist('chrome'), m.background.service_worker))).toBe(true);
    expect(m.key).toBeTypeOf('string');
  });

  it('Firefox: background scripts, add-on ID, no Chrome key', () => {
    const m = manifestOf('firefox');
    expect(m.background.scripts).toHaveLength(1);
    expect(m.background.service_worker).toBeUndefined();
    expect(m.browser_specific_settings.gecko.id).toBe(GECKO_ID);
    // Firefox 128 is the first to run world: "MAIN" content scripts.
    expect(Number.parseFloat(m.browser_specific_settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(128);
    expect(m.key).toBeUndefined();
  });
});
