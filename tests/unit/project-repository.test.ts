/** The repository the extension links to is the one package.json names, and nothing else. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROJECT_REPOSITORY } from '../../src/core/constants.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  homepage: string;
  repository: { url: string };
  bugs: { url: string };
};

describe('project repository', () => {
  it('package.json repository, homepage and bugs all name PROJECT_REPOSITORY', () => {
    expect(pkg.repository.url).toBe(`git+${PROJECT_REPOSITORY}.git`);
    expect(pkg.homepage.startsWith(`${PROJECT_REPOSITORY}#`)).toBe(true);
    expect(pkg.bugs.url).toBe(`${PROJECT_REPOSITORY}/issues`);
  });
});
