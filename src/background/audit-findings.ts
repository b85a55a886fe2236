/**
 * A finding entry for each finding a tab gains. The tab store reports every change of a tab's
 * state with the state before and after; a finding whose key was not there before is new on this
 * page visit. A repeat keeps the finding's firstSeen and only raises its count, so it is not
 * recorded; a new top document starts the state over, so the same finding on the next visit has
 * a new firstSeen and is recorded again (even when both changes arrive in one batch).
 */
import type { AuditEvent } from './audit-log.ts';
import { recordAudit } from './audit-log.ts';
import { describeFinding } from '../core/facts.ts';
import { httpHostOf } from '../core/hostname.ts';
import type { RiskDatabase } from '../core/risk-database.ts';
import { type Finding, findingKey } from '../core/tab-state.ts';
import { currentState } from './settings-store.ts';
import type { TabChange } from './tab-store.ts';
import { t } from '../shared/t.ts';

export function findingEvent(db: RiskDatabase, site: string, f: Finding): AuditEvent {
  const facts = describeFinding(db, f, t);
  return {
    time: f.firstSeen,
    type: 'finding',
    site,
    host: f.host,
    ...(f.providerId ? { providerId: f.providerId } : {}),
    ...(facts?.operator ? { providerName: facts.providerName, product: facts.productName } : {}),
    kind: f.kind,
    ...(f.model ? { model: f.model } : {}),
    ...(facts ? { level: facts.level } : {}),
    ...(facts?.operator ? { country: facts.operator.country } : {}),
  };
}

export async function auditNewFindings({ tabId, prev, next }: TabChange): Promise<void> {
  if (!next?.findings.length) return;
  const before = new Map((prev?.findings ?? []).map((f) => [findingKey(f), f.firstSeen]));
  const added = next.findings.filter((f) => before.get(findingKey(f)) !== f.firstSeen);
  if (!added.length) return;
  const { db } = await currentState();
  const site = (next.url && httpHostOf(next.url)) ?? '';
  for (const f of added) await recordAudit(tabId, findingEvent(db, site, f));
}
