/** The two outputs of the scanner: a report people read, and one JSON line per URL for scripts. */
import { countryName } from '../../src/core/country.ts';
import { compareLevels, type RiskLevel, worstLevel } from '../../src/core/risk-level.ts';
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

/** The findings of one provider on one page (all findings no provider could be found for form one group too). */
export interface ProviderGroup {
  /** "DeepSeek (China)", "Cici (Singapore), parent ByteDance Ltd. (China)", "unknown provider". */
  who: string;
  /** The worst level of its findings. */
  level: RiskLevel;
  /** Findings that share a reason (in practice one per provider: the law that makes its level). */
  reasons: Array<{ level: RiskLevel; reason: string; findings: ReportFinding[] }>;
}

/**
 * A page's findings by provider, worst level first (ties in the order first seen); within a
 * provider, by reason, so that the reason, a long sentence about a country's laws, is printed once
 * above the places it was seen rather than on every line.
 */
export function groupByProvider(findings: readonly ReportFinding[]): ProviderGroup[] {
  const groups = new Map<string, ProviderGroup>();
  for (const f of findings) {
    const key = f.provider ? `provider:${f.provider.id}` : 'unknown';
    let group = groups.get(key);
    if (!group) {
      group = { who: whoLabel(f), level: f.level, reasons: [] };
      groups.set(key, group);
    }
    const same = group.reasons.find((r) => r.reason === f.reason && r.level === f.level);
    if (same) same.findings.push(f);
    else group.reasons.push({ level: f.level, reason: f.reason, findings: [f] });
    group.level = worstLevel([group.level, f.level])!;
  }
  const worstFirst = (a: { level: RiskLevel }, b: { level: RiskLevel }) => compareLevels(b.level, a.level);
  const sorted = [...groups.values()].sort(worstFirst);
  for (const group of sorted) group.reasons.sort(worstFirst);
  return sorted;
}

/**
 * One block per URL: the URL and its overall level in words; then one block per provider: who
 * runs it (and in which country) with its level, the reason once, and under it one line per place
 * it was seen: kind, host, count, and what else is known (upstream model builder, model, page
 * marker, API shape). The first column of each evidence line is the finding's kind, so that
 * `grep '^ *request '` finds every request.
 */
export function formatResult(r: ScanResult, timeoutMs: number): string {
  const n = r.findings.length;
  const lines = [`${r.url} — ${LEVEL_WORDS[r.level]}${n ? `, ${n} finding${n === 1 ? '' : 's'}` : ''}`];
  if (r.error) lines.push(`  could not load the page: ${r.error}`);
  else if (r.finalUrl && r.finalUrl !== r.url) lines.push(`  ended at ${r.finalUrl}`);
  if (r.timedOut) lines.push(`  timed out after ${timeoutMs / 1000} s with the page still busy; this is what was seen until then`);
  const groups = groupByProvider(r.findings);
  // Evidence columns line up across the whole page: kind, host, count.
  const rows = r.findings.map((f) => [f.kind, f.host, `${f.count}×`]);
  const widths = [0, 1, 2].map((c) => Math.max(0, ...rows.map((row) => row[c]!.length)));
  const evidence = (f: ReportFinding) =>
    `      ${f.kind.padEnd(widths[0]!)}  ${f.host.padEnd(widths[1]!)}  ${`${f.count}×`.padStart(widths[2]!)}  ${detailLabel(f)}`.trimEnd();
  for (const group of groups) {
    lines.push(`  ${group.who} — ${group.level} risk`);
    const levelsDiffer = group.reasons.some((x) => x.level !== group.level);
    for (const { level, reason, findings } of group.reasons) {
      lines.push(`    ${levelsDiffer ? `${level}: ` : ''}${reason}`);
      for (const f of findings) lines.push(evidence(f));
    }
  }
  return lines.join('\n');
}

/** A not-yet-verified provider has no confirmed country: the scanner says so instead of guessing. */
const place = (p: { name: string; country?: string | undefined }) => `${p.name} (${p.country ? countryName(p.country) : 'who runs it is not yet verified'})`;

/** Who is behind a group: "DeepSeek (China)"; "Cici (Singapore), parent ByteDance Ltd. (China)"; "unknown provider". */
function whoLabel(f: ReportFinding): string {
  if (!f.provider) return 'unknown provider';
  return f.parent ? `${place(f.provider)}, parent ${place(f.parent)}` : place(f.provider);
}

/**
 * What one sighting adds to its provider: "→ DeepSeek (China), open weights, model
 * deepseek/deepseek-chat"; "page marker global:botpress"; "openai-chat API".
 */
function detailLabel(f: ReportFinding): string {
  const parts: string[] = [];
  if (!f.provider && f.api) parts.push(`${f.api} API`);
  if (f.upstream) parts.push(`→ ${place(f.upstream)}${f.upstream.openWeights ? ', open weights' : ''}`);
  if (f.model) parts.push(`model ${f.model}`);
  if (f.marker) parts.push(`page marker ${f.marker}`);
  return parts.join(', ');
}
