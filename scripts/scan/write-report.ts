/** The scan's report in the format asked for (--format), as one string. */
import type { RiskDatabase } from '../../src/core/risk-database.ts';
import type { ScanOptions } from './args.ts';
import { formatResult, jsonLine } from './format.ts';
import type { BaselineComparison } from './report/baseline.ts';
import { junitXml } from './report/junit.ts';
import { markdownSummary } from './report/markdown.ts';
import { sarifLog } from './report/sarif.ts';
import { siteSummary } from './report/site-summary.ts';
import type { ScanResult } from './scanner.ts';
import { formatSiteSummary } from './site-summary-text.ts';

export interface ReportContext {
  options: ScanOptions;
  db: RiskDatabase;
  version: string;
  comparison?: BaselineComparison;
  durationsMs?: ReadonlyMap<string, number>;
}

export function writeReport(results: readonly ScanResult[], { options, db, version, comparison, durationsMs }: ReportContext): string {
  const failOn = options.failOn;
  switch (options.format) {
    case 'json':
      return results.map((r) => `${jsonLine(r)}\n`).join('');
    case 'sarif':
      return `${JSON.stringify(sarifLog(results, { version }), null, 2)}\n`;
    case 'junit':
      return junitXml(results, { ...(failOn ? { failOn } : {}), ...(comparison ? { comparison } : {}), ...(durationsMs ? { durationsMs } : {}) });
    case 'markdown':
      return markdownSummary(results, { ...(failOn ? { failOn } : {}), ...(comparison ? { comparison } : {}) });
    default: {
      const pages = results.map((r) => formatResult(r, options.timeoutMs, options.lang, db)).join('\n\n');
      return `${pages}${results.length > 1 ? `\n\n${formatSiteSummary(siteSummary(results), options.lang)}` : ''}\n`;
    }
  }
}
