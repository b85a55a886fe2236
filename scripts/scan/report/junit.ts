/**
 * The scan as JUnit XML, which nearly every CI system shows as a test report: one test suite per
 * site, one test case per page. A page fails when it reaches `--fail-on` (with a baseline: when a
 * new or raised service does), errors when it could not be loaded, and lists what was seen in
 * `<system-out>` either way, so a passing page's AI services are still visible.
 */
import { worstLevel } from '../../../src/core/risk-level.ts';
import { type FailLevel, reachesFailLevel } from '../args.ts';
import type { ScanResult } from '../scanner.ts';
import { type BaselineComparison, pageFails } from './baseline.ts';
import { countriesOf, findingsByService, serviceNameOf, whoRunsIt } from './service-key.ts';
import { xmlAttr, xmlText } from './xml-escape.ts';

export interface JunitOptions {
  failOn?: FailLevel;
  comparison?: BaselineComparison;
  /** How long each page took, by requested URL (ScanResult does not carry it); 0 when unknown. */
  durationsMs?: ReadonlyMap<string, number>;
  /** The root element's name. */
  name?: string;
}

interface Case {
  result: ScanResult;
  failed: boolean;
  seconds: number;
}

export function junitXml(results: readonly ScanResult[], options: JunitOptions = {}): string {
  const suites = new Map<string, Case[]>();
  for (const result of results) {
    const site = siteOf(result.url);
    const failed = pageFails(result, options.failOn, options.comparison);
    const seconds = (options.durationsMs?.get(result.url) ?? 0) / 1000;
    const list = suites.get(site) ?? [];
    list.push({ result, failed, seconds });
    suites.set(site, list);
  }
  const totals = count([...suites.values()].flat());
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlAttr(options.name ?? 'AI Jurisdiction Guard scan')}" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}" time="${totals.time}">`,
  ];
  for (const [site, cases] of suites) {
    const c = count(cases);
    lines.push(`  <testsuite name="${xmlAttr(site)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="0" time="${c.time}">`);
    for (const k of cases) lines.push(...testcase(site, k, options));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function testcase(site: string, { result: r, failed, seconds }: Case, options: JunitOptions): string[] {
  const { failOn, comparison } = options;
  const out = [`    <testcase classname="${xmlAttr(site)}" name="${xmlAttr(r.url)}" time="${seconds.toFixed(3)}">`];
  const services = [...findingsByService(r.findings)].map(([key, fs]) => ({ key, fs, level: worstLevel(fs.map((f) => f.level))! }));
  if (failed) {
    // The message names only what made the page fail: with a baseline, its new or raised services.
    const culprits = services.flatMap((s) => {
      if (!reachesFailLevel(s.level, failOn)) return [];
      if (!comparison) return [`${serviceNameOf(s.fs[0]!)} (${s.level})`];
      const change = comparison.changes.find((c) => c.page === r.url && c.key === s.key);
      return change ? [`${serviceNameOf(s.fs[0]!)} (${s.level}, ${change.changes.join(', ')})`] : [];
    });
    out.push(`      <failure message="${xmlAttr(`fail-on ${failOn} reached: ${culprits.join(', ')}`)}" type="fail-on-${failOn}">${xmlText(servicesText(services))}</failure>`);
  }
  if (r.error !== undefined) out.push(`      <error message="${xmlAttr(`could not load the page: ${r.error}`)}" type="page-error"/>`);
  const notes = [
    `${r.url}: ${r.error !== undefined ? 'could not be loaded' : r.level === 'none' ? 'no AI seen' : `${r.level} risk`}`,
    ...(r.finalUrl && r.finalUrl !== r.url ? [`ended at ${r.finalUrl}`] : []),
    ...(r.timedOut ? ['timed out with the page still busy; this is what was seen until then'] : []),
    ...(services.length ? [servicesText(services)] : []),
  ];
  out.push(`      <system-out>${xmlText(notes.join('\n'))}</system-out>`, '    </testcase>');
  return out;
}

/** One block per service: who runs it, the level and reason, then one line per sighting. */
function servicesText(services: ReadonlyArray<{ fs: ScanResult['findings']; level: string }>): string {
  return services
    .map(({ fs, level }) => {
      const f = fs.find((x) => x.level === level)!;
      const countries = [...new Set(fs.flatMap(countriesOf))];
      const head = `${whoRunsIt(f)} — ${level} risk${countries.length ? ` [${countries.join(', ')}]` : ''}\n  ${f.reason}${f.laws.length ? `\n  laws: ${f.laws.join(', ')}` : ''}`;
      const seen = fs.map((x) => `  ${x.kind} ${x.host} ${x.count}×${x.model ? ` model ${x.model}` : ''}${x.marker ? ` marker ${x.marker}` : ''}`);
      return [head, ...seen].join('\n');
    })
    .join('\n');
}

function count(cases: readonly Case[]) {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.failed).length,
    errors: cases.filter((c) => c.result.error !== undefined).length,
    time: cases.reduce((sum, c) => sum + c.seconds, 0).toFixed(3),
  };
}

/** The suite a page belongs to: its host (with port), or the URL itself if it does not parse. */
function siteOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
