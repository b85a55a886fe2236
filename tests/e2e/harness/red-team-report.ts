/**
 * The red-team results as Markdown (artifacts/red-team.md): technique × run, the documented
 * limits and the cases the browser does not send, and what each side saw.
 */
import { ATTACKER, CASES, type RedTeamCase, TARGETS } from './red-team-cases.ts';
import { type CaseResult, ROLES, SETTLE_MS } from './red-team-run.ts';

export interface ReportRun {
  id: string;
  label: string;
  results: ReadonlyMap<string, CaseResult> | undefined;
}

/** Text for a Markdown table cell: no HTML tags, no column breaks. */
const md = (text: string) => text.replace(/</g, '&lt;').replace(/\|/g, '\\|');

const UNITS = { requests: 'request', tcp: 'TCP connection', udp: 'datagram', none: '' } as const;

function cell(c: RedTeamCase, r: CaseResult | undefined): string {
  if (!r) return 'not run';
  if (r.outcome !== 'documented limit' || c.observe === 'none') return r.outcome;
  if (r.arrived.blocked === 0) return 'blocked';
  return `documented limit (${r.arrived.blocked} ${UNITS[c.observe ?? 'requests']}${r.arrived.blocked === 1 ? '' : 's'})`;
}

export function redTeamReport(runs: readonly ReportRun[], notes: readonly string[]): string {
  return [
    '# Red-team suite: what an ordinary page can send to a blocked host',
    '',
    `Chromium with the built extension, block mode, attacking page https://${ATTACKER}/. Each technique is aimed at an unblocked host, ${TARGETS.control.api} (the control, which must arrive), and at the blocked ${TARGETS.blocked.api} / ${TARGETS.blocked.chat}. In the reference run nothing is blocked and the URLs aimed at the blocked host must arrive too. Ground truth: the fixture server's received requests (or TCP connections / UDP datagrams where stated), read ${SETTLE_MS} ms after the last case. Written by tests/e2e/red-team.e2e.test.ts.`,
    '',
    `| Technique | ${runs.map((s) => s.label).join(' | ')} |`,
    `|---|${runs.map(() => '---').join('|')}|`,
    ...CASES.map((c) => `| ${md(c.technique)} | ${runs.map((s) => cell(c, s.results?.get(c.id))).join(' | ')} |`),
    '',
    '## Documented limits',
    '',
    ...CASES.filter((c) => c.limit).map((c) => `- **${md(c.technique)}**: ${c.limit}`),
    '',
    '## Not sent by the browser (the control does not arrive either)',
    '',
    ...CASES.filter((c) => c.browserRefuses).map((c) => `- **${md(c.technique)}**: ${c.browserRefuses}`),
    '',
    '## Notes',
    '',
    ...notes.map((n) => `- ${n}`),
    '',
    '## What each side saw (page answer; arrivals at the server)',
    '',
    `| Case | ${runs.map((s) => `${s.id}: control | ${s.id}: blocked`).join(' | ')} |`,
    `|---|${runs.map(() => '---|---').join('|')}|`,
    ...CASES.map((c) => {
      const cells = runs.flatMap((s) => {
        const r = s.results?.get(c.id);
        return ROLES.map((role) => (r ? md(`${r.seen[role]} (${r.arrived[role]})`) : '–'));
      });
      return `| ${c.id} | ${cells.join(' | ')} |`;
    }),
    '',
  ].join('\n');
}
