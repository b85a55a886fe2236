/**
 * A batch of events as an OTLP/HTTP JSON ExportLogsServiceRequest (opentelemetry-proto
 * `collector/logs/v1`, JSON mapping of https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding):
 * one ResourceLogs per extension version, one LogRecord per event. Attribute names follow the
 * OpenTelemetry semantic conventions where one exists (`event.name`, `log.record.uid`,
 * `server.address`, `gen_ai.provider.name`, `gen_ai.request.model`, `service.*`); the rest are in
 * the `ai_guard.` namespace (docs/reporting.md). Written here rather than with
 * `@opentelemetry/otlp-transformer`, whose serializer takes SDK log records (`sdk-logs`,
 * `resources`, `core`, `sdk-metrics`, `sdk-trace`) the worker would otherwise never load; tests
 * decode every payload with the official protobuf definitions.
 */
import type { ReportEvent } from './report-event.ts';

export const SERVICE_NAME = 'ai-jurisdiction-guard';
/** Prefix of every attribute of our own. */
export const NS = 'ai_guard';

export interface ReportInstallation {
  installationId: string;
  identity?: string;
}

type AnyValue = { stringValue: string } | { intValue: string } | { arrayValue: { values: AnyValue[] } };
interface KeyValue {
  key: string;
  value: AnyValue;
}

const str = (key: string, value: string): KeyValue => ({ key, value: { stringValue: value } });
const int = (key: string, value: number): KeyValue => ({ key, value: { intValue: String(Math.trunc(value)) } });

/** SeverityNumber of the OTLP log data model: INFO 9, WARN 13, ERROR 17. */
function severity(e: ReportEvent): [number, string] {
  if (e.name === 'block' || e.name === 'justify' || e.name === 'allow-once' || e.name === 'dropped') return [13, 'WARN'];
  if (e.name === 'policy-problem') return [17, 'ERROR'];
  return [9, 'INFO'];
}

/** The event's name as OpenTelemetry spells names: `ai_guard.warning_shown`. */
export const otelEventName = (e: ReportEvent) => `${NS}.${e.name.replaceAll('-', '_')}`;

/** A line a person reads in a log viewer; every field is also an attribute. */
export function summary(e: ReportEvent): string {
  const who = [e.providerName ?? e.providerId, e.countries?.join('/')].filter(Boolean).join(', ');
  const what = [e.name, e.host, who ? `(${who})` : '', e.model ? `model ${e.model}` : '', e.site ? `on ${e.site}` : ''].filter(Boolean);
  if (e.name === 'policy-problem') what.push(`${e.policyKey}: ${e.reason}`);
  if (e.name === 'dropped') what.push(`${e.count} events dropped while the queue was full`);
  return what.join(' ');
}

function attributes(e: ReportEvent): KeyValue[] {
  const a: KeyValue[] = [str('event.name', otelEventName(e)), str('log.record.uid', e.id)];
  if (e.host) a.push(str('server.address', e.host));
  if (e.providerId) a.push(str('gen_ai.provider.name', e.providerId));
  if (e.model) a.push(str('gen_ai.request.model', e.model));
  if (e.site) a.push(str(`${NS}.page.site`, e.site));
  if (e.providerName) a.push(str(`${NS}.provider.display_name`, e.providerName));
  if (e.product) a.push(str(`${NS}.product`, e.product));
  if (e.countries?.length) a.push({ key: `${NS}.countries`, value: { arrayValue: { values: e.countries.map((c) => ({ stringValue: c })) } } });
  if (e.level) a.push(str(`${NS}.risk_level`, e.level));
  if (e.kind) a.push(str(`${NS}.kind`, e.kind));
  if (e.rule) a.push(str(`${NS}.rule`, e.rule));
  if (e.mode) a.push(str(`${NS}.mode`, e.mode));
  if (e.count !== undefined) a.push(int(`${NS}.count`, e.count));
  if (e.policyKey) a.push(str(`${NS}.policy.key`, e.policyKey));
  if (e.reason) a.push(str(`${NS}.policy.problem`, e.reason));
  if (e.justification) a.push(str(`${NS}.justification`, e.justification));
  if (e.databaseVersion) a.push(str(`${NS}.database.version`, e.databaseVersion));
  if (e.policyRevision) a.push(str(`${NS}.policy.revision`, e.policyRevision));
  a.push(str(`${NS}.browser`, e.browser));
  return a;
}

const nanos = (ms: number) => `${Math.trunc(ms)}000000`;

export function encodeOtlp(events: readonly ReportEvent[], who: ReportInstallation, now: number): string {
  const byVersion = new Map<string, ReportEvent[]>();
  for (const e of events) byVersion.set(e.extensionVersion, [...(byVersion.get(e.extensionVersion) ?? []), e]);
  const resourceLogs = [...byVersion].map(([version, list]) => ({
    resource: {
      attributes: [
        str('service.name', SERVICE_NAME),
        str('service.version', version),
        str('service.instance.id', who.installationId),
        ...(who.identity ? [str(`${NS}.identity`, who.identity)] : []),
      ],
    },
    scopeLogs: [
      {
        scope: { name: SERVICE_NAME, version },
        logRecords: list.map((e) => {
          const [severityNumber, severityText] = severity(e);
          return { timeUnixNano: nanos(e.time), observedTimeUnixNano: nanos(now), severityNumber, severityText, body: { stringValue: summary(e) }, attributes: attributes(e) };
        }),
      },
    ],
  }));
  return JSON.stringify({ resourceLogs });
}
