/**
 * The one line that says what the user can do about the risk on a page. Until the organization
 * can name the AI tools it approves, it is the ungoverned advice ("Use a service rated Low, or
 * block this one"); with approved tools it names them instead ("Don't paste customer data here;
 * your organization allows …"). A page with nothing left to worry about (only Low-risk services,
 * or everything blocked) gets no line.
 */
import type { RiskLevel } from '../risk-level.ts';

export type Advice = { kind: 'use-low' } | { kind: 'approved'; tools: string[] };

/**
 * `level`: the worst level of what still goes through from the page, undefined when nothing does.
 * `approvedTools`: names of the AI tools the organization approves (none can be set yet).
 */
export function adviceFor(level: RiskLevel | undefined, approvedTools: readonly string[] = []): Advice | undefined {
  if (!level || level === 'low') return undefined;
  return approvedTools.length ? { kind: 'approved', tools: [...approvedTools] } : { kind: 'use-low' };
}
