/** The two outputs of the scanner: a report people read, and one JSON line per URL for scripts. */
import { countryName } from '../../src/core/country.ts';
import type { ReportFinding } from '../../src/core/tab-report.ts';
import type { PageLevel } from './args.ts';
import type { ScanResult } from './scanner.ts';

const LEVEL_WORDS: Record<PageLevel, string> = {
  high: 'HIGH risk',
  medium: 'MEDIUM risk',
  unknown: 'UNKNOWN risk (AI the database cannot place)',
  low: 'LOW risk',
  none: 'no AI seen',
};

/** `--json`: exactly the fields of ScanResult, in a fixed order, on one line. */
export function jsonLine(r: ScanResult): string {
  const { url, finalUrl, level, findings, timedOut, error } = r;
  return JSON.stringify({ url, finalUrl, level, findings, timedOut, ...(error !== undefined ? { error } : {}) });
}

/**
 * One block per URL: the URL and its overall level in words, then one line per finding:
 * kind, host, provider and country (upstream and model when known), level, count, reason.
 */
export function formatResult(r: ScanResult, timeoutMs: number): string {
  const n = r.findings.length;
  const lines = [`${r.url} — ${LEVEL_WORDS[r.level]}${n ? `, ${n} finding${n === 1 ? '' : 's'}` : ''}`];
  if (r.error) lines.push(`  could not load the page: ${r.error}`);
  else if (r.finalUrl && r.finalUrl !== r.url) lines.push(`  ended at ${r.finalUrl}`);
  if (r.timedOut) lines.push(`  timed out after ${timeoutMs / 1000} s with the page still busy; this is what was seen until then`);
  const rows = r.findings.map((f) => [f.kind, f.host, whoLabel(f), f.level, `${f.count}×`, f.reason]);
  const widths = [0, 1, 2, 3, 4].map((c) => Math.max(0, ...rows.map((row) => row[c]!.length)));
  for (const row of rows) {
    lines.push(`  ${row.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]!) : c === 4 ? cell.padStart(widths[c]!) : cell)).join('  ').trimEnd()}`);
  }
  return lines.join('\n');
}

/**
 * Who is behind a finding: "DeepSeek (China)"; "Cici (Singapore), parent ByteDance Ltd. (China)";
 * "OpenRouter (United States) → DeepSeek (China), open weights, model deepseek/deepseek-chat";
 * "unknown provider (openai-chat API)"; "Botpress (United States), page marker global:botpress".
 */
function whoLabel(f: ReportFinding): string {
  const place = (p: { name: string; country: string }) => `${p.name} (${countryName(p.country)})`;
  const parts = [f.provider ? place(f.provider) : `unknown provider${f.api ? ` (${f.api} API)` : ''}`];
  if (f.parent) parts.push(`parent ${place(f.parent)}`);
  let text = parts.join(', ');
  if (f.upstream) text += ` → ${place(f.upstream)}${f.upstream.openWeights ? ', open weights' : ''}`;
  if (f.model) text += `, model ${f.model}`;
  if (f.marker) text += `, page marker ${f.marker}`;
  return text;
}
