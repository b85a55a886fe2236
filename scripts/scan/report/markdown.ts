/**
 * The scan as a Markdown pull-request comment: a headline a reviewer reads in two seconds (pass or
 * fail, how many pages and services, what is new against the baseline), a table of services, and
 * each page's details folded away. Everything that comes from a page is escaped: a page must not
 * be able to break the table, inject HTML, or close the `<details>` it sits in.
 */
import { type RiskLevel, worstLevel } from '../../../src/core/risk-level.ts';
import type { FailLevel } from '../args.ts';
import type { ScanResult } from '../scanner.ts';
import { type BaselineComparison, failsWith, pageFails } from './baseline.ts';
import { countryLabel, findingsByService, serviceNameOf } from './service-key.ts';
import { siteSummary } from './site-summary.ts';

export interface MarkdownOptions {
  failOn?: FailLevel;
  comparison?: BaselineComparison;
  /** Heading text (not escaped: it comes from the caller, not a page). */
  title?: string;
  /**
   * Fold at most this many pages (default MAX_PAGE_DETAILS), chosen failing pages first, then pages
   * with AI or errors, then the rest; those chosen are listed in scan order.
   */
  maxPageDetails?: number;
}

const LEVEL_MARK: Record<RiskLevel | 'none', string> = { high: '🔴 high', medium: '🟠 medium', unknown: '⚪ unknown', low: '🟢 low', none: 'none' };

/**
 * Text from a page, made inert for GitHub Markdown inside a table cell or list item: line breaks
 * become spaces, HTML and Markdown punctuation become character references (a reference is not
 * syntax, so `&#124;` cannot split a table cell and `&lt;` cannot open a tag). GitHub finds
 * @-mentions and #-references in the rendered text, after references are decoded, so `@` and `#`
 * are also followed by a zero-width space: a page cannot ping a team or link an issue.
 */
export function mdText(s: string): string {
  return s
    .replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ')
    .replace(/[\uD800-\uDFFF]/gu, '\uFFFD')
    .replace(/[&<>"'|`*_[\]\\!~@#]/g, (c) => `&#${c.charCodeAt(0)};${c === '@' || c === '#' ? '&#8203;' : ''}`);
}

/** Page blocks listed at most: a GitHub comment holds 65,536 characters, a crawl can find thousands of pages. */
export const MAX_PAGE_DETAILS = 100;

export function markdownSummary(results: readonly ScanResult[], options: MarkdownOptions = {}): string {
  const { failOn, comparison } = options;
  const summary = siteSummary(results);
  const failed = failsWith(results, failOn, comparison);
  const out: string[] = [];

  const verdict = failOn === undefined ? 'ℹ️ report only (no fail-on level)' : failed ? `❌ failed (fail-on ${failOn})` : `✅ passed (fail-on ${failOn})`;
  out.push(`### ${options.title ?? 'AI Jurisdiction Guard scan'}: ${verdict}`, '');
  const p = summary.pages;
  const facts = [
    `**${p.scanned}** page${p.scanned === 1 ? '' : 's'} scanned`,
    `**${p.withAi}** with AI`,
    `**${summary.services.length}** AI service${summary.services.length === 1 ? '' : 's'}`,
    `worst level **${LEVEL_MARK[summary.level]}**`,
    ...(p.failed ? [`**${p.failed}** could not be loaded`] : []),
    ...(p.timedOut ? [`**${p.timedOut}** timed out`] : []),
  ];
  out.push(facts.join(' · '));
  if (comparison) {
    const n = comparison.changedKeys.length;
    const pages = new Set(comparison.changes.map((c) => c.page)).size;
    out.push('', `Against the baseline: **${n}** new or changed service${n === 1 ? '' : 's'} on ${pages} page${pages === 1 ? '' : 's'}; ${comparison.accepted} accepted (a service on a page).`);
  }

  if (summary.services.length) {
    const changed = new Set(comparison?.changedKeys ?? []);
    out.push('', '| Service | Country | Level | Pages |', '| --- | --- | --- | --- |');
    for (const s of summary.services) {
      const name = `${mdText(s.name)}${s.unverified ? ' (operator not verified)' : ''}${changed.has(s.key) ? ' **new**' : ''}`;
      const where = s.countries.length ? s.countries.map((c) => mdText(countryLabel(c))).join(', ') : '—';
      out.push(`| ${name} | ${where} | ${LEVEL_MARK[s.level]} | ${s.pageCount} |`);
    }
  }

  if (results.length) {
    out.push('', '#### Pages', '');
    const rank = (r: ScanResult) => (pageFails(r, failOn, comparison) ? 0 : r.findings.length || r.error !== undefined ? 1 : 2);
    // Array.prototype.sort is stable, so each rank keeps the scan order.
    const shown = [...results].sort((a, b) => rank(a) - rank(b)).slice(0, options.maxPageDetails ?? MAX_PAGE_DETAILS);
    const listed = new Set(shown);
    for (const r of results) if (listed.has(r)) out.push(...pageDetails(r, pageFails(r, failOn, comparison), comparison));
    const rest = results.length - shown.length;
    if (rest > 0) out.push('', `…and ${rest} more page${rest === 1 ? '' : 's'} not shown.`);
  }
  return `${out.join('\n')}\n`;
}

/** One folded block per page; its summary says the level and whether it failed. */
function pageDetails(r: ScanResult, failed: boolean, comparison: BaselineComparison | undefined): string[] {
  // A page that did not load has no level: "none" would read as "no AI here".
  const state = r.error !== undefined ? '⚠️ could not be loaded' : `${LEVEL_MARK[r.level]}${r.timedOut ? ' — timed out' : ''}`;
  const lines = ['<details>', `<summary>${failed ? '❌ ' : ''}${mdText(r.url)} — ${state}</summary>`, ''];
  if (r.error !== undefined) lines.push(`- error: ${mdText(r.error)}`);
  if (r.finalUrl && r.finalUrl !== r.url) lines.push(`- ended at ${mdText(r.finalUrl)}`);
  const services = [...findingsByService(r.findings)];
  if (!services.length && r.error === undefined) lines.push('- no AI seen');
  for (const [key, fs] of services) {
    const level = worstLevel(fs.map((f) => f.level))!;
    const change = comparison?.changes.find((c) => c.page === r.url && c.key === key);
    const hosts = [...new Set(fs.map((f) => f.host))].map(mdText).join(', ');
    const f = fs[0]!;
    const country = f.provider?.country ? ` · ${mdText(countryLabel(f.provider.country))}` : '';
    const note = change ? ` · **${change.changes.join(', ')}**` : '';
    lines.push(`- ${mdText(serviceNameOf(f))}${country} · ${LEVEL_MARK[level]} · ${hosts}${note}`);
  }
  lines.push('', '</details>');
  return lines;
}
