/**
 * Turns what happens into reporting events, when, and only when, the policy configures a
 * collector and asks for that kind of event: audit entries (findings and blocks, as the audit
 * log records them, after its throttle), allow once, warnings shown and dismissed, the policy's
 * own problems, and a heartbeat. Each event is queued (report-queue.ts) and a send is scheduled;
 * without a `reporting` policy nothing is queued, scheduled or sent.
 */
import browser from 'webextension-polyfill';
import type { AuditEntry } from '../../core/audit/audit-entry.ts';
import { POLICY_CACHE_KEY } from '../../core/constants.ts';
import { databaseVersion } from '../../core/database/database-version.ts';
import type { SettingProblem } from '../../core/policy-parse.ts';
import { type ReportEvent, reportFromAudit } from '../../core/reporting/report-event.ts';
import type { ReportEventKind, ReportingConfig } from '../../core/reporting/reporting-config.ts';
import { currentState } from '../settings-store.ts';
import { reportOrigin } from './report-origin.ts';
import { enqueueReports } from './report-queue.ts';
import { flushReports, REPORT_ALARM, scheduleFlush } from './send-reports.ts';

export const HEARTBEAT_ALARM = 'report-heartbeat';
/** storage.local: the policy revision whose problems were last reported (each revision's once). */
const PROBLEMS_REPORTED_KEY = 'report:problems-revision';

/** When the next send is due while events wait (in memory: an alarm covers a stopped worker). */
let dueAt: number | undefined;

async function configFor(kind: ReportEventKind): Promise<ReportingConfig | undefined> {
  const { policy } = await currentState();
  const config = policy.reporting;
  return config?.events.includes(kind) ? config : undefined;
}

async function queue(config: ReportingConfig, events: ReportEvent[]): Promise<void> {
  let waiting: number;
  try {
    waiting = await enqueueReports(events);
  } catch (error) {
    console.error('reporting: events not queued:', error);
    return;
  }
  if (waiting >= config.batchSize) {
    dueAt = undefined;
    void flushReports();
    return;
  }
  const at = Date.now() + config.intervalSeconds * 1000;
  if (dueAt === undefined || dueAt < Date.now()) {
    dueAt = at;
    scheduleFlush(at);
  }
}

function base(): Pick<ReportEvent, 'id' | 'time' | 'browser' | 'extensionVersion'> {
  return { id: crypto.randomUUID(), time: Date.now(), ...reportOrigin() };
}

/** An audit entry just stored (finding or block). */
export async function reportAudit(entry: Omit<AuditEntry, 'id'>): Promise<void> {
  const config = await configFor(entry.type);
  if (!config) return;
  const { settings } = await currentState();
  await queue(config, [reportFromAudit(crypto.randomUUID(), reportOrigin(), entry, settings.mode)]);
}

export async function reportAllowOnce(host: string, rule: string | undefined, target: { providerId: string; providerName?: string } | undefined): Promise<void> {
  const config = await configFor('allow-once');
  if (!config) return;
  const { settings } = await currentState();
  await queue(config, [{ ...base(), name: 'allow-once', host, ...(target ? { providerId: target.providerId, ...(target.providerName ? { providerName: target.providerName } : {}) } : {}), ...(rule ? { rule } : {}), mode: settings.mode }]);
}

/** Warnings already reported per tab and site, for this worker (a page asks on every load). */
const warned = new Map<number, string>();

export async function reportWarning(name: 'warning-shown' | 'warning-dismissed', tabId: number, site: string, kind: string): Promise<void> {
  if (name === 'warning-shown') {
    if (warned.get(tabId) === site) return;
    warned.set(tabId, site);
    if (warned.size > 1000) warned.delete(warned.keys().next().value!);
  }
  const config = await configFor(name);
  if (!config) return;
  const { settings } = await currentState();
  await queue(config, [{ ...base(), name, site, host: site, kind, mode: settings.mode }]);
}

/** Hash of the policy as read: the revision a heartbeat names, and which problems were reported. */
export async function policyRevision(raw: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(raw ?? {}));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The policy's problems, once per revision of the policy. */
export async function reportPolicyProblems(raw: unknown, problems: readonly SettingProblem[]): Promise<void> {
  const config = await configFor('policy-problem');
  if (!config || !problems.length) return;
  const revision = await policyRevision(raw);
  if ((await browser.storage.local.get(PROBLEMS_REPORTED_KEY))[PROBLEMS_REPORTED_KEY] === revision) return;
  await browser.storage.local.set({ [PROBLEMS_REPORTED_KEY]: revision });
  await queue(
    config,
    problems.slice(0, 50).map((p) => ({ ...base(), name: 'policy-problem' as const, policyKey: p.key.slice(0, 120), reason: p.reason.slice(0, 300), policyRevision: revision })),
  );
}

/** The policy as the worker last read it (settings-store.ts caches it). */
async function rawPolicy(): Promise<unknown> {
  const cached = (await browser.storage.local.get(POLICY_CACHE_KEY))[POLICY_CACHE_KEY] as { raw?: unknown } | undefined;
  return cached?.raw ?? {};
}

export async function reportHeartbeat(): Promise<void> {
  const config = await configFor('heartbeat');
  if (!config) return;
  const raw = await rawPolicy();
  const { db, settings } = await currentState();
  const v = databaseVersion(db);
  await queue(config, [{ ...base(), name: 'heartbeat', mode: settings.mode, databaseVersion: `${v.format}.${v.reviewed}.${v.fingerprint}`, policyRevision: await policyRevision(raw) }]);
}

/**
 * After every start of the worker and every policy change: the heartbeat alarm follows the
 * policy, and what waits is sent (a collector the policy no longer names gets nothing).
 */
export async function syncReporting(): Promise<void> {
  const { policy, policyProblems } = await currentState();
  const config = policy.reporting;
  if (!config) {
    await Promise.all([browser.alarms?.clear(HEARTBEAT_ALARM), browser.alarms?.clear(REPORT_ALARM)]);
    return;
  }
  const existing = await browser.alarms?.get(HEARTBEAT_ALARM);
  if (config.events.includes('heartbeat') && existing?.periodInMinutes !== config.heartbeatMinutes) browser.alarms?.create(HEARTBEAT_ALARM, { delayInMinutes: Math.min(1, config.heartbeatMinutes), periodInMinutes: config.heartbeatMinutes });
  if (!config.events.includes('heartbeat') && existing) await browser.alarms?.clear(HEARTBEAT_ALARM);
  await reportPolicyProblems(await rawPolicy(), policyProblems);
  void flushReports();
}

/** Registered at the worker's top level: the alarms wake a stopped worker. */
export function watchReporting(): void {
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === REPORT_ALARM) void flushReports();
    else if (alarm.name === HEARTBEAT_ALARM) void reportHeartbeat().catch((error: unknown) => console.error('reporting: heartbeat not queued:', error));
  });
}
