/**
 * The coverage measure (npm run coverage) and the exclusions it counts: a host list is split into
 * recognised, excluded and missing; an exclusion needs a reason, a note and a source, and a host
 * can never be both excluded and claimed by a product (the build refuses it).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateExclusions } from '../../src/core/database/exclusions.ts';
import { DatabaseError } from '../../src/core/database/validate-database.ts';
import { RiskDatabase } from '../../src/core/risk-database.ts';
import { coverageLine, coverageOf, parseHostList } from '../../scripts/database/coverage.ts';
import { loadDatabase, loadExclusions } from '../../scripts/database/load-sources.ts';
import { FIXTURE_DIR } from './fixture-database.ts';

const TODAY = '2026-12-01';
const SOURCE = { url: 'https://example.org/checked', reviewed: '2026-11-30' };
const exclusion = (host: string, extra: Record<string, unknown> = {}) => ({ host, reason: 'not-ai-service', note: 'A status page, no AI.', source: SOURCE, ...extra });

/** A copy of the fixture database with the given exclusions.json. */
function dataDirWith(exclusions: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'ajg-coverage-'));
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'exclusions.json'), JSON.stringify(exclusions));
  return dir;
}

describe('host lists', () => {
  it('reads the columns by name, lower-cases hosts and keeps each once', () => {
    const list = parseHostList('source\thost\tlists\nhttps://a\tChat.DeepSeek.com.\tv2fly\nhttps://b\tchat.deepseek.com\tone-api\n\n');
    expect(list).toEqual([{ host: 'chat.deepseek.com', lists: 'v2fly', source: 'https://a' }]);
    expect(() => parseHostList('name\tlists\nx.com\ta')).toThrow(/"host"/);
  });
});

describe('coverage of a host list', () => {
  it('counts recognised, excluded and missing hosts, each host once', () => {
    const dir = dataDirWith({ exclusions: [exclusion('status.example.net')] });
    try {
      const db = new RiskDatabase(loadDatabase(dir, TODAY));
      const exclusions = loadExclusions(dir, db, TODAY);
      const hosts = parseHostList('host\tlists\tsource\nchat.deepseek.com\tv2fly\ts\nstatus.example.net\tLiteLLM\ts\nnew-ai.example.org\tlobe-chat\ts\n');
      const c = coverageOf(db, exclusions, hosts);
      expect(c.recognised.map((h) => [h.host, h.provider])).toEqual([['chat.deepseek.com', 'deepseek']]);
      expect(c.excluded.map((h) => [h.host, h.reason])).toEqual([['status.example.net', 'not-ai-service']]);
      expect(c.missing.map((h) => h.host)).toEqual(['new-ai.example.org']);
      expect(coverageLine(c)).toBe('recognised 1 (33.3 %), excluded 1 (33.3 %), missing 1 (33.3 %) of 3 hosts');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the build refuses a host that is both excluded and claimed by a product', () => {
    const dir = dataDirWith({ exclusions: [exclusion('chat.deepseek.com')] });
    try {
      expect(() => loadDatabase(dir, TODAY)).toThrow(DatabaseError);
      expect(() => loadDatabase(dir, TODAY)).toThrow(/exclusion "chat\.deepseek\.com": host: is claimed by deepseek/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('exclusions', () => {
  const problemsOf = (data: unknown) => {
    const problems: string[] = [];
    validateExclusions('exclusions.json', data, () => undefined, TODAY, problems);
    return problems;
  };

  it('needs a list, a host, a known reason, a note and a source', () => {
    expect(problemsOf({ exclusions: [exclusion('ok.example.com')] })).toEqual([]);
    expect(problemsOf([])).toEqual(['exclusions.json: (file): exclusions: must be an object with an "exclusions" list']);
    expect(problemsOf({ exclusions: [exclusion('Not A Host')] }).join('\n')).toMatch(/host: "Not A Host" is not valid/);
    expect(problemsOf({ exclusions: [exclusion('a.example.com', { reason: 'boring' })] }).join('\n')).toMatch(/reason: must be one of not-ai-service, shared-infrastructure, dead-domain/);
    expect(problemsOf({ exclusions: [exclusion('a.example.com', { note: '' })] }).join('\n')).toMatch(/note: missing or empty/);
    expect(problemsOf({ exclusions: [exclusion('a.example.com', { source: undefined })] }).join('\n')).toMatch(/source: missing/);
    expect(problemsOf({ exclusions: [exclusion('a.example.com', { why: 'typo' })] }).join('\n')).toMatch(/why: unknown field/);
    expect(problemsOf({ exclusions: [exclusion('a.example.com'), exclusion('a.example.com')] }).join('\n')).toMatch(/exclusion "a\.example\.com": host: listed twice/);
  });

  it('the bundled exclusions are valid against the bundled database', () => {
    const db = new RiskDatabase(loadDatabase('src/data'));
    expect(() => loadExclusions('src/data', db)).not.toThrow();
  });
});
