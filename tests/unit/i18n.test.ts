import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listOf, toBrowserMessage, translatorFrom } from '../../src/core/i18n.ts';
import { loadLocales, LocaleError } from '../../scripts/locales/load-locales.ts';
import { locales, tEn, tZh } from './locale.ts';

function localeDir(files: Record<string, Record<string, unknown> | string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'ajg-locales-')), 'src', 'locales');
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

function problemsOf(dir: string): string[] {
  try {
    loadLocales(dir);
  } catch (error) {
    if (error instanceof LocaleError) return error.problems;
    throw error;
  }
  return [];
}

describe('messages', () => {
  it('substitutes $1..$9 in order and shows an unknown key as itself', () => {
    const t = translatorFrom({ hi: 'Hello $1, from $2 ($1)', plain: 'Plain' });
    expect(t('hi', ['Ann', 3])).toBe('Hello Ann, from 3 (Ann)');
    expect(t('plain')).toBe('Plain');
    expect(t('missingKey')).toBe('missingKey');
  });

  it('builds the browsers’ message format with named placeholders', () => {
    expect(toBrowserMessage('No AI')).toEqual({ message: 'No AI' });
    expect(toBrowserMessage('$2 blocks $1, $2')).toEqual({ message: '$p2$ blocks $p1$, $p2$', placeholders: { p1: { content: '$1' }, p2: { content: '$2' } } });
  });

  it('joins lists with each language’s words', () => {
    expect(listOf(tEn, ['A'])).toBe('A');
    expect(listOf(tEn, ['A', 'B', 'C'])).toBe('A, B and C');
    expect(listOf(tZh, ['A', 'B', 'C'])).toBe('A、B 和 C');
  });

  it('names the file and key of every problem', () => {
    const dir = localeDir({
      'en/a.json': { ok: 'One $1', twice: 'x', 'bad-key': 'y', empty: '' },
      'en/b.json': { Twice: 'again' },
      'zh_CN/a.json': { ok: '一', extra: '多' },
      'zh_CN/broken.json': '{ nope',
    });
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(7);
    expect(problems).toEqual(
      expect.arrayContaining([
        'src/locales/en/a.json: key "bad-key": use letters, digits and _ only, starting with a letter',
        'src/locales/en/a.json: key "empty": the text must be a non-empty string',
        'src/locales/en/b.json: key "Twice" is already in src/locales/en/a.json (keys are case-insensitive)',
        'src/locales/zh_CN: key "twice" (from src/locales/en/a.json) has no translation',
        'src/locales/zh_CN/a.json: key "ok" uses no $n, the en text $1',
        'src/locales/zh_CN/a.json: key "extra" is not in en',
        expect.stringMatching(/^src\/locales\/zh_CN\/broken\.json: not valid JSON/),
      ]),
    );
  });

  it('ships English and Simplified Chinese, each with every key', () => {
    expect(Object.keys(locales).sort()).toEqual(['en', 'zh_CN']);
    expect(Object.keys(locales.zh_CN!).sort()).toEqual(Object.keys(locales.en!).sort());
  });

  it('every message key the code names exists', () => {
    const root = resolve(import.meta.dirname, '../../src');
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name)) for (const m of readFileSync(p, 'utf8').matchAll(/\bt\(\s*'([A-Za-z][A-Za-z0-9_]*)'/g)) used.add(m[1]!);
      }
    };
    walk(root);
    const missing = [...used].filter((k) => locales.en![k] === undefined);
    expect(missing).toEqual([]);
  });
});

describe('spacing of Chinese text (spaceHan)', () => {
  it('joins Han characters, spaces Han from Latin words, and leaves other text alone', async () => {
    const { spaceHan } = await import('../../src/core/i18n.ts');
    expect(spaceHan('拦截 中国')).toBe('拦截中国');
    expect(spaceHan('拦截DeepSeek')).toBe('拦截 DeepSeek');
    expect(spaceHan('拦截chat.deepseek.com 上的 AI')).toBe('拦截 chat.deepseek.com 上的 AI');
    expect(spaceHan('DeepSeek的模型')).toBe('DeepSeek 的模型');
    expect(spaceHan('运营方：Hangzhou')).toBe('运营方：Hangzhou');
    expect(spaceHan('2026年3月5日，共 49 个')).toBe('2026年3月5日，共 49 个');
    expect(spaceHan('You blocked  DeepSeek.')).toBe('You blocked  DeepSeek.');
    const t = translatorFrom({ block: '拦截$1' });
    expect([t('block', ['中国']), t('block', ['OpenRouter'])]).toEqual(['拦截中国', '拦截 OpenRouter']);
  });
});
