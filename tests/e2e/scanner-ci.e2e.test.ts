/**
 * The scanner as a CI step (issue 20): the real command line against the demo server, in the
 * formats CI systems read, with a config file and a reviewed baseline. SARIF is checked against the
 * official OASIS schema, JUnit read back by an independent XML parser.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PAGES, type DemoServer, startDemoServer } from '../../scripts/scan/demo-server.ts';
import { scan, scanIn } from './harness/scan-cli.ts';

const [DEEPSEEK, SHOP, NOTES, NEWS] = DEMO_PAGES;
/** Visitor time is not what these tests are about; the late-AI tests keep the default. */
const QUICK = ['--settle', '500'];

describe('scanner in CI formats', () => {
  let demo: DemoServer;
  let dir = '';
  beforeAll(async () => {
    demo = await startDemoServer();
    dir = await mkdtemp(join(tmpdir(), 'ajg-scan-ci-'));
  });
  afterAll(async () => {
    await demo?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes SARIF 2.1.0 that the official schema accepts, a rule per AI service, results located at the page', async () => {
    const out = join(dir, 'scan.sarif');
    const run = await scan(...QUICK, ...demo.resolveArgs(), '--format', 'sarif', '--output', out, DEEPSEEK, NOTES, NEWS);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toBe('');
    const log = JSON.parse(await readFile(out, 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(resolve(import.meta.dirname, '../fixtures/scan/sarif-schema-2.1.0.json'), 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['ai-service/deepseek', 'ai-service/openrouter']));
    const deepseek = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'ai-service/deepseek');
    expect(deepseek.level).toBe('error');
    expect(deepseek.locations[0].physicalLocation.artifactLocation.uri).toBe(DEEPSEEK);
    expect(sarifRun.results.some((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => r.locations[0]!.physicalLocation.artifactLocation.uri === NEWS)).toBe(false);
  });

  it('writes JUnit XML an independent parser reads: a test case per page, failing at --fail-on', async () => {
    const run = await scan(...QUICK, ...demo.resolveArgs(), '--format', 'junit', '--fail-on', 'high', DEEPSEEK, SHOP, NEWS);
    expect(run.code).toBe(3);
    expect(XMLValidator.validate(run.out)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(run.out);
    const cases = xml.testsuites.testsuite.flatMap((s: { testcase: unknown[] }) => s.testcase) as Array<{ name: string; failure?: unknown }>;
    expect(cases.map((c) => c.name).sort()).toEqual([DEEPSEEK, NEWS, SHOP].sort());
    expect(cases.filter((c) => c.failure).map((c) => c.name)).toEqual([DEEPSEEK]);
  });

  it('writes a Markdown summary for a pull request', async () => {
    const run = await scan(...QUICK, ...demo.resolveArgs(), '--format', 'markdown', '--fail-on', 'high', DEEPSEEK, NEWS);
    expect(run.code).toBe(3);
    expect(run.out).toMatch(/^#/);
    expect(run.out).toContain('| DeepSeek');
  });

  it('with a reviewed baseline, fails only on a newly added AI service', async () => {
    const baseline = join(dir, 'ai-guard-baseline.json');
    const first = await scan(...QUICK, ...demo.resolveArgs(), '--json', '--write-baseline', baseline, DEEPSEEK, SHOP);
    expect(first.code).toBe(0);
    const written = JSON.parse(await readFile(baseline, 'utf8'));
    expect(written.services.map((s: { key: string }) => s.key).sort()).toEqual(['botpress', 'deepseek']);
    // The same site again: DeepSeek is high, but accepted.
    const same = await scan(...QUICK, ...demo.resolveArgs(), '--json', '--baseline', baseline, '--fail-on', 'medium', DEEPSEEK, SHOP);
    expect(same.code, same.err).toBe(0);
    // A page with a new service (OpenRouter, to DeepSeek's models): that fails.
    const added = await scan(...QUICK, ...demo.resolveArgs(), '--format', 'junit', '--baseline', baseline, '--fail-on', 'medium', DEEPSEEK, SHOP, NOTES);
    expect(added.code).toBe(3);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(added.out);
    const failing = (xml.testsuites.testsuite.flatMap((s: { testcase: unknown[] }) => s.testcase) as Array<{ name: string; failure?: unknown }>).filter((c) => c.failure).map((c) => c.name);
    expect(failing).toEqual([NOTES]);
  });

  it('takes its settings from ai-guard-scan.json in the working folder, the command line winning', async () => {
    const site = join(dir, 'site');
    await (await import('node:fs/promises')).mkdir(site, { recursive: true });
    const resolveRules = demo.resolveArgs().filter((a) => a !== '--resolve');
    await writeFile(join(site, 'ai-guard-scan.json'), JSON.stringify({ urls: [NEWS, DEEPSEEK], resolve: resolveRules, failOn: 'high', format: 'json', settle: 500 }));
    const fromFile = await scanIn(site, {});
    expect(fromFile.code, fromFile.err).toBe(3);
    expect(fromFile.results.map((r) => r.url)).toEqual([NEWS, DEEPSEEK]);
    const overridden = await scanIn(site, {}, '--fail-on', 'low', '--format', 'text', NEWS);
    expect(overridden.code).toBe(0);
    expect(overridden.out).toContain('no AI seen');
    // A misspelt key is an error, not ignored.
    await writeFile(join(site, 'ai-guard-scan.json'), JSON.stringify({ urls: [NEWS], failon: 'high' }));
    const typo = await scanIn(site, {});
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('"failon": unknown key');
  });
});
