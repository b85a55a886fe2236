/** The two outputs of the scanner: a report people read, and one JSON line per URL for scripts. */
import { countryName } from '../../src/core/country.ts';
import { articleListIn, lawNameIn } from '../../src/core/fact-card/law-words.ts';
import type { RiskDatabase } from '../../src/core/risk-database.ts';
import { compareLevels, type RiskLevel, worstLevel } from '../../src/core/risk-level.ts';
import type { ReportFinding } from '../../src/core/tab-report.ts';
import type { PageLevel, ScanLang } from './args.ts';
import type { ScanResult } from './scanner.ts';

/** The report's own words; the reasons and law names come from the database in the same language. */
const WORDS = {
  en: {
    level: { high: 'HIGH risk', medium: 'MEDIUM risk', unknown: 'UNKNOWN risk (AI the database cannot place)', low: 'LOW risk', none: 'no AI seen' } as Record<PageLevel, string>,
    groupLevel: (level: RiskLevel) => `${level} risk`,
    findings: (n: number) => `, ${n} finding${n === 1 ? '' : 's'}`,
    couldNotLoad: 'could not load the page: ',
    endedAt: 'ended at ',
    timedOut: (s: number) => `timed out after ${s} s with the page still busy; this is what was seen until then`,
    unknownProvider: 'unknown provider',
    notVerified: 'who runs it is not yet verified',
    parent: ', parent ',
    openWeights: ', open weights',
    mayReach: 'may reach ',
    model: 'model ',
    marker: 'page marker ',
    api: (api: string) => `${api} API`,
    laws: 'laws: ',
    separator: ', ',
    lawList: '; ',
    dash: ' — ',
  },
  'zh-CN': {
    level: { high: '高风险', medium: '中风险', unknown: '风险未知（数据库无法确定的 AI）', low: '低风险', none: '未发现 AI' } as Record<PageLevel, string>,
    groupLevel: (level: RiskLevel) => ({ high: '高风险', medium: '中风险', unknown: '风险未知', low: '低风险' })[level],
    findings: (n: number) => `，${n} 项发现`,
    couldNotLoad: '无法加载页面：',
    endedAt: '最终地址：',
    timedOut: (s: number) => `${s} 秒后超时，页面仍在加载；以下是此前看到的内容`,
    unknownProvider: '未知服务商',
    notVerified: '运营方尚未核实',
    parent: '，母公司 ',
    openWeights: '，开放权重',
    mayReach: '可能到达 ',
    model: '模型 ',
    marker: '页面标记 ',
    api: (api: string) => `${api} API`,
    laws: '法律：',
    separator: '，',
    lawList: '；',
    dash: ' — ',
  },
} as const;
type Words = (typeof WORDS)[ScanLang];

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
export function groupByProvider(findings: readonly ReportFinding[], lang: ScanLang = 'en'): ProviderGroup[] {
  const groups = new Map<string, ProviderGroup>();
  for (const f of findings) {
    const key = f.provider ? `provider:${f.provider.id}` : 'unknown';
    let group = groups.get(key);
    if (!group) {
      group = { who: whoLabel(f, lang), level: f.level, reasons: [] };
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
export function formatResult(r: ScanResult, timeoutMs: number, lang: ScanLang = 'en', db?: RiskDatabase): string {
  const w = WORDS[lang];
  const n = r.findings.length;
  const lines = [`${r.url}${w.dash}${w.level[r.level]}${n ? w.findings(n) : ''}`];
  if (r.error) lines.push(`  ${w.couldNotLoad}${r.error}`);
  else if (r.finalUrl && r.finalUrl !== r.url) lines.push(`  ${w.endedAt}${r.finalUrl}`);
  if (r.timedOut) lines.push(`  ${w.timedOut(timeoutMs / 1000)}`);
  const groups = groupByProvider(r.findings, lang);
  // Evidence columns line up across the whole page: kind, host, count.
  const rows = r.findings.map((f) => [f.kind, f.host, `${f.count}×`]);
  const widths = [0, 1, 2].map((c) => Math.max(0, ...rows.map((row) => row[c]!.length)));
  const evidence = (f: ReportFinding) =>
    `      ${f.kind.padEnd(widths[0]!)}  ${f.host.padEnd(widths[1]!)}  ${`${f.count}×`.padStart(widths[2]!)}  ${detailLabel(f, lang)}`.trimEnd();
  for (const group of groups) {
    lines.push(`  ${group.who}${w.dash}${w.groupLevel(group.level)}`);
    const levelsDiffer = group.reasons.some((x) => x.level !== group.level);
    for (const { level, reason, findings } of group.reasons) {
      lines.push(`    ${levelsDiffer ? `${level}: ` : ''}${reason}`);
      const laws = db ? lawsLine(db, findings[0]!.laws, w, lang) : undefined;
      if (laws) lines.push(`    ${laws}`);
      for (const f of findings) lines.push(evidence(f));
    }
  }
  return lines.join('\n');
}

/**
 * The laws behind a reason with the articles they cite, in the report's language:
 * "laws: National Intelligence Law (Art. 7, Art. 14); …", "法律：《中华人民共和国国家情报法》（第七条、第十四条）；…".
 */
function lawsLine(db: RiskDatabase, ids: readonly string[], w: Words, lang: ScanLang): string | undefined {
  const named = ids.flatMap((id) => {
    const law = db.law(id);
    if (!law) return [];
    const name = lawNameIn(law, lang);
    const articles = law.articles.length ? articleListIn(law, lang) : '';
    if (lang === 'zh-CN') return [`《${name}》${articles ? `（${articles}）` : ''}`];
    return [articles ? `${name} (${articles})` : name];
  });
  return named.length ? `${w.laws}${named.join(w.lawList)}` : undefined;
}

/** A not-yet-verified provider has no confirmed country: the scanner says so instead of guessing. */
function place(p: { name: string; country?: string | undefined }, lang: ScanLang = 'en'): string {
  const where = p.country ? countryName(p.country, lang) : WORDS[lang].notVerified;
  return lang === 'zh-CN' ? `${p.name}（${where}）` : `${p.name} (${where})`;
}

/** Who is behind a group: "DeepSeek (China)"; "Cici (Singapore), parent ByteDance Ltd. (China)"; "unknown provider". */
function whoLabel(f: ReportFinding, lang: ScanLang): string {
  const w = WORDS[lang];
  if (!f.provider) return w.unknownProvider;
  return f.parent ? `${place(f.provider, lang)}${w.parent}${place(f.parent, lang)}` : place(f.provider, lang);
}

/**
 * What one sighting adds to its provider: "→ DeepSeek (China), open weights, model
 * deepseek/deepseek-chat"; "page marker global:botpress"; "openai-chat API".
 */
function detailLabel(f: ReportFinding, lang: ScanLang): string {
  const w = WORDS[lang];
  const parts: string[] = [];
  if (!f.provider && f.api) parts.push(w.api(f.api));
  if (f.upstream) parts.push(`→ ${f.upstream.mayReach ? w.mayReach : ''}${place(f.upstream, lang)}${f.upstream.openWeights ? w.openWeights : ''}`);
  if (f.model) parts.push(`${w.model}${f.model}`);
  if (f.marker) parts.push(`${w.marker}${f.marker}`);
  return parts.join(w.separator);
}
