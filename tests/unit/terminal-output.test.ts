/** What `npm start` and `npm test` print (scripts/terminal-output.mjs): colours, build lines, the /etc note. */
import { describe, expect, it } from 'vitest';
import { buildMessages, colourEnv, policyFilesNote, stripAnsi } from '../../scripts/terminal-output.mjs';

describe('colours of the tools npm test runs', () => {
  it('turns them off when the output is not a terminal, even with TERM set', () => {
    expect(colourEnv({ TERM: 'xterm' }, false)).toEqual({ TERM: 'xterm', NO_COLOR: '1' });
  });

  it('leaves them on in a terminal, and leaves a person’s own NO_COLOR or FORCE_COLOR alone', () => {
    expect(colourEnv({ TERM: 'xterm' }, true)).toEqual({ TERM: 'xterm' });
    expect(colourEnv({ FORCE_COLOR: '1' }, false)).toEqual({ FORCE_COLOR: '1' });
    expect(colourEnv({ NO_COLOR: '' }, true)).toEqual({ NO_COLOR: '' });
  });

  it('reads FORCE_COLOR=0 as no colour (vitest’s colour library would read it as "force")', () => {
    expect(colourEnv({ FORCE_COLOR: '0', TERM: 'xterm' }, true)).toEqual({ TERM: 'xterm', NO_COLOR: '1' });
  });
});

describe('build output', () => {
  // What `vite build --logLevel warn` prints for one target, as captured (crxjs colours included).
  const crx = [
    '',
    '\u001b[36m\n[crx:content-scripts-iife] Building 2 content script(s) as IIFE...\u001b[39m',
    '',
    ' WARN  inlineDynamicImports option is ignored because codeSplitting: false is set.',
    '',
    '\u001b[32m  ✓ main-world.ts → src/content/main-world.js\u001b[39m',
    '',
    '\u001b[33m WARN \u001b[39m inlineDynamicImports option is ignored because codeSplitting: false is set.',
    '',
    '  ✓ isolated.ts → src/content/isolated.js',
    '\u001b[36m[crx:content-scripts-iife] IIFE build complete\n\u001b[39m',
    '',
  ].join('\n');

  it('leaves out the content-script build report every build repeats', () => {
    expect(buildMessages(crx)).toEqual([]);
  });

  it('keeps any other warning or error, in full', () => {
    const other = `${crx}\n(!) Some chunks are larger than 500 kB after minification.\n    Consider: using dynamic import()\nerror during build:\nsrc/popup/main.tsx (3:9): "x" is not exported`;
    expect(buildMessages(other)).toEqual([
      '(!) Some chunks are larger than 500 kB after minification.',
      '    Consider: using dynamic import()',
      'error during build:',
      'src/popup/main.tsx (3:9): "x" is not exported',
    ]);
  });

  it('removes colour codes', () => {
    expect(stripAnsi('\u001b[1m\u001b[30m\u001b[46m RUN \u001b[49m\u001b[39m\u001b[22m')).toBe(' RUN ');
  });
});

describe('the note before npm test starts', () => {
  it('names the two places the end-to-end tests write policy files, and says they are put back', () => {
    const note = policyFilesNote('/usr/lib/firefox-esr/distribution/policies.json');
    expect(note).toContain('/etc/chromium/policies/managed/');
    expect(note).toContain("Firefox's distribution/policies.json");
    expect(note).toContain('(/usr/lib/firefox-esr/distribution/policies.json)');
    expect(note).toMatch(/put back what was there/);
    expect(policyFilesNote()).not.toContain('()');
  });
});
