// What `npm start` and `npm test` print, decided by pure functions (tests/unit/terminal-output.test.ts):
// which colours the tools they run may use, which build lines are noise, and the note about the
// policy files the end-to-end tests write under /etc.

/**
 * The environment for a tool whose output ends up in ours. Vitest's colours (tinyrainbow) are on
 * whenever TERM is set, even into a pipe or a log file, so that a CI log fills with escape codes:
 * when our output is not a terminal, NO_COLOR turns them off. A person's own NO_COLOR or
 * FORCE_COLOR is left as it is, except FORCE_COLOR=0, which tinyrainbow reads as "force colour".
 */
export function colourEnv(env = process.env, isTTY = Boolean(process.stdout.isTTY)) {
  if (env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') {
    const { FORCE_COLOR: _, ...rest } = env;
    return { ...rest, NO_COLOR: '1' };
  }
  if ('NO_COLOR' in env || 'FORCE_COLOR' in env || isTTY) return env;
  return { ...env, NO_COLOR: '1' };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
export const stripAnsi = (text) => text.replace(ANSI, '');

/**
 * Lines of `vite build` that say nothing a person needs, each build: crxjs' progress report for
 * the standalone content scripts, and a warning from crxjs' own sub-build of them (it sets
 * inlineDynamicImports next to codeSplitting: false; nothing in this project can change that).
 * Any other line, warnings and errors included, is kept.
 */
const BUILD_NOISE = [
  /^\[crx:content-scripts-iife\] (Building \d+ content script\(s\) as IIFE\.\.\.|IIFE build complete)$/,
  /^✓ \S+ → \S+$/,
  /^WARN\s+inlineDynamicImports option is ignored because codeSplitting: false is set\.$/,
];

/** A build's output without its noise and blank lines (colour codes removed). */
export function buildMessages(output) {
  return stripAnsi(output)
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !BUILD_NOISE.some((noise) => noise.test(line.trim())));
}

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed/';

/** Said before `npm test` starts: which machine-wide files its end-to-end tests write, for a moment. */
export function policyFilesNote(firefoxPolicyFile) {
  return [
    'Note: the end-to-end tests install browser policy files for a moment, as an administrator would:',
    `  ${CHROMIUM_POLICY_DIR} (a file of their own) and Firefox's distribution/policies.json`,
    ...(firefoxPolicyFile ? [`  (${firefoxPolicyFile})`] : []),
    'and put back what was there after each test, removing any folder they created.',
  ].join('\n');
}
