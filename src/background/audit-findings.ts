/**
 * A finding entry for each finding a tab gains, once per page visit. The tab store reports every
 * change of a tab's state with the state before and after; a finding whose key (or firstSeen) was
 * not there before may be new. What this visit already recorded is kept in storage.session, not
 * in the worker's memory, so a restarted worker, or a state that starts over within the same
 * document (the browser's navigation event arriving after the first sightings), records nothing
 * twice. A new top document is a new visit, so the same finding is recorded again then (even when
 * both changes arrive in one batch).
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
import browser from 'webextension-polyfill';
import type { TabState } from '../core/tab-state.ts';
import { MAX_FINDINGS_PER_TAB } from '../core/constants.ts';

export function findingEvent(db: RiskDatabase, site: string, f: Finding): AuditEvent {
  const facts = describeFinding(db, f, t);
  return {
    time: f.firstSeen,
    type: 'finding',
    site,
    host: f.host,
    ...(f.providerId ? { providerId: f.providerId } : {}),
    ...(facts?.operator || facts?.unverified ? { providerName: facts.providerName, product: facts.productName } : {}),
    kind: f.kind,
    ...(f.model ? { model: f.model } : {}),
    ...(facts ? { level: facts.level } : {}),
    ...(facts?.operator ? { country: facts.operator.country } : {}),
  };
}

/** What one tab's current visit has recorded: storage.session `audit:visit:<tabId>`. */
interface VisitRecord {
  url: string;
  document?: string;
  keys: string[];
}

const visitKey = (tabId: number) => `audit:visit:${tabId}`;

/** The same visit: the same page, and no two different documents (one may not be known yet). */
function sameVisit(record: VisitRecord, state: TabState): boolean {
  const document = state.documentId ?? state.doc;
  return record.url === state.url && (record.document === undefined || document === undefined || record.document === document);
}

export async function auditNewFindings({ tabId, prev, next }: TabChange): Promise<void> {
  if (!next) return void browser.storage.session.remove(visitKey(tabId)).catch(() => undefined);
  // Sightings can come before the browser says which page the tab holds: they are recorded once
  // it does, with the page's site (every finding of the state is a candidate then).
  if (!next.url || !next.findings.length) return;
  // The block page's tab names the service it stopped: that is a block entry, not a sighting.
  if (next.blockPage) return;
  const before = new Map((prev?.url ? prev.findings : []).map((f) => [findingKey(f), f.firstSeen]));
  const changed = next.findings.filter((f) => before.get(findingKey(f)) !== f.firstSeen);
  if (!changed.length) return;
  const stored = (await browser.storage.session.get(visitKey(tabId)))[visitKey(tabId)] as VisitRecord | undefined;
  const record: VisitRecord = stored && sameVisit(stored, next) ? stored : { url: next.url, keys: [] };
  const added = changed.filter((f) => !record.keys.includes(findingKey(f)));
  const document = next.documentId ?? next.doc ?? record.document;
  const keys = [...record.keys, ...added.map(findingKey)].slice(-MAX_FINDINGS_PER_TAB);
  await browser.storage.session.set({ [visitKey(tabId)]: { url: next.url, ...(document ? { document } : {}), keys } satisfies VisitRecord });
  if (!added.length) return;
  const { db } = await currentState();
  const site = httpHostOf(next.url) ?? '';
  for (const f of added) await recordAudit(tabId, findingEvent(db, site, f));
}
