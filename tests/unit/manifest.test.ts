import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestFor, OPEN_POPUP_SHORTCUT, parseTarget } from '../../scripts/manifest.ts';
import { CHROME_EXTENSION_ID, FIREFOX_MIN_VERSION, GECKO_ID } from '../../src/core/constants.ts';

const base = JSON.parse(readFileSync('manifest.json', 'utf8'));

describe('manifest', () => {
  it('pins the Chrome extension ID through its key', () => {
    // Chrome's ID: first 128 bits of SHA-256 of the public key, hex digits mapped 0-f → a-p.
    const digest = createHash('sha256').update(Buffer.from(base.key, 'base64')).digest('hex').slice(0, 32);
    const id = [...digest].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
    expect(id).toBe(CHROME_EXTENSION_ID);
  });

  it('gives Chrome a module service worker and keeps the key', () => {
    const m = manifestFor('chrome', base, '1.2.3');
    expect(m.version).toBe('1.2.3');
    expect(m.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
    expect(m.key).toBe(base.key);
  });

  it('gives Firefox background scripts, its add-on ID and a version with MAIN-world scripts', () => {
    const m = manifestFor('firefox', base, '1.2.3');
    expect(m.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
    expect(m.browser_specific_settings.gecko).toMatchObject({ id: GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION });
    expect(m.key).toBeUndefined();
    expect(base.key).toBeDefined(); // the source manifest is not changed
  });

  it('asks for the fewest permissions, each documented in docs/permissions.md', () => {
    const doc = readFileSync('docs/permissions.md', 'utf8');
    for (const permission of [...base.permissions, ...(base.host_permissions ?? [])]) {
      expect(doc, `docs/permissions.md explains ${permission}`).toContain(`\`${permission}\``);
    }
    expect(base.permissions).toEqual(['storage', 'webRequest', 'webNavigation', 'declarativeNetRequest', 'alarms']);
    expect(base.host_permissions).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']);
    // Asked for only when someone turns strict network mode on (options page).
    expect(base.optional_permissions).toEqual(['privacy']);
    expect(doc).toContain('`privacy`');
  });

  it('opens the popup with a keyboard shortcut in both browsers, one that is valid and free', () => {
    for (const target of ['chrome', 'firefox'] as const) {
      const m = manifestFor(target, base, '1.2.3');
      expect(m.commands._execute_action, target).toEqual({ suggested_key: { default: OPEN_POPUP_SHORTCUT } });
    }
    // Both browsers' rule: Ctrl or Alt (not both), optionally Shift, then one letter, digit or named key.
    expect(OPEN_POPUP_SHORTCUT).toMatch(/^(Ctrl|Alt)\+(Shift\+)?([A-Z0-9]|Comma|Period|Home|End|PageUp|PageDown|Space|Insert|Delete|Up|Down|Left|Right)$/);
    // Chromium's own shortcuts with these modifiers (chrome/browser/ui/views/accelerator_table.cc)
    // and the commonest Firefox ones: a clash would leave the extension's shortcut unassigned.
    const taken = ['Alt+Shift+A', 'Alt+Shift+B', 'Alt+Shift+I', 'Alt+Shift+T', 'Ctrl+Shift+A', 'Ctrl+Shift+B', 'Ctrl+Shift+D', 'Ctrl+Shift+I', 'Ctrl+Shift+J', 'Ctrl+Shift+C', 'Ctrl+Shift+M', 'Ctrl+Shift+N', 'Ctrl+Shift+O', 'Ctrl+Shift+P', 'Ctrl+Shift+R', 'Ctrl+Shift+T', 'Ctrl+Shift+W', 'Ctrl+Shift+Y', 'Ctrl+Shift+G', 'Ctrl+Shift+S', 'Ctrl+Shift+E', 'Ctrl+Shift+H', 'Ctrl+Shift+K', 'Ctrl+Shift+Q', 'Ctrl+Shift+Delete'];
    expect(taken).not.toContain(OPEN_POPUP_SHORTCUT);
  });

  it('refuses an unknown build target', () => {
    expect(parseTarget(undefined)).toBe('chrome');
    expect(() => parseTarget('safari')).toThrow('unknown build target "safari": use one of chrome, firefox');
  });
});
