/** The manifest's homepage_url is the project's repository, in both targets and in the build. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestFor, TARGETS } from '../../scripts/manifest.ts';
import { PROJECT_REPOSITORY } from '../../src/core/constants.ts';

const base = JSON.parse(readFileSync('manifest.json', 'utf8'));
const built = (target: string) => `dist/${target}/manifest.json`;

describe('homepage_url', () => {
  it.each(TARGETS)('%s manifest names the project repository', (target) => {
    expect(manifestFor(target, base, '1.0.0').homepage_url).toBe(PROJECT_REPOSITORY);
  });

  // npm test builds before the unit tests; a bare `vitest run` without a build skips this one.
  it.each(TARGETS)('the built %s manifest carries it', (target) => {
    if (!existsSync(built(target))) return void console.warn(`${built(target)} not built: run npm run build`);
    expect(JSON.parse(readFileSync(built(target), 'utf8')).homepage_url).toBe(PROJECT_REPOSITORY);
  });
});
