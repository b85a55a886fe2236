/** The site-level summary at the end of a text report of more than one page. */
import { countryName } from '../../src/core/country.ts';
import type { ScanLang } from './args.ts';
import type { SiteSummary } from './report/site-summary.ts';

const WORDS = {
  en: {
    head: (s: SiteSummary['pages']) => `Site summary: ${s.scanned} page${s.scanned === 1 ? '' : 's'} scanned, ${s.withAi} with AI${s.failed ? `, ${s.failed} could not be loaded` : ''}${s.timedOut ? `, ${s.timedOut} timed out` : ''}`,
    none: '  no AI service seen on any page',
    level: (l: string) => `${l} risk`,
    pages: (n: number) => `on ${n} page${n === 1 ? '' : 's'}`,
    more: (n: number) => `… and ${n} more`,
    unverified: 'who runs it is not yet verified',
  },
  'zh-CN': {
    head: (s: SiteSummary['pages']) => `站点汇总：扫描 ${s.scanned} 个页面，${s.withAi} 个页面使用 AI${s.failed ? `，${s.failed} 个无法加载` : ''}${s.timedOut ? `，${s.timedOut} 个超时` : ''}`,
    none: '  所有页面均未发现 AI 服务',
    level: (l: string) => ({ high: '高风险', medium: '中风险', unknown: '风险未知', low: '低风险' })[l] ?? l,
    pages: (n: number) => `出现在 ${n} 个页面`,
    more: (n: number) => `…… 另有 ${n} 个`,
    unverified: '运营方尚未核实',
  },
} as const;

export function formatSiteSummary(summary: SiteSummary, lang: ScanLang): string {
  const w = WORDS[lang];
  const lines = [w.head(summary.pages)];
  if (!summary.services.length) lines.push(w.none);
  for (const s of summary.services) {
    const where = s.country ? countryName(s.country, lang) : w.unverified;
    lines.push(`  ${s.name} (${where}) — ${w.level(s.level)}, ${w.pages(s.pageCount)}`);
    for (const page of s.pages) lines.push(`      ${page}`);
    if (s.pageCount > s.pages.length) lines.push(`      ${w.more(s.pageCount - s.pages.length)}`);
  }
  return lines.join('\n');
}
