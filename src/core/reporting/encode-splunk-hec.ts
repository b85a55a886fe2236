/**
 * A batch of events for Splunk's HTTP Event Collector (`/services/collector/event`): one JSON
 * object per event, one after another, as HEC takes a batch
 * (https://docs.splunk.com/Documentation/Splunk/latest/Data/FormateventsforHTTPEventCollector).
 * `time` is epoch seconds with milliseconds; `host` the identity the policy set, else the
 * installation ID; the event's fields are the same as the OTLP attributes' (docs/reporting.md).
 */
import { otelEventName, type ReportInstallation, SERVICE_NAME } from './encode-otlp.ts';
import type { ReportEvent } from './report-event.ts';

export const HEC_SOURCETYPE = 'ai_guard:event';

export function encodeSplunkHec(events: readonly ReportEvent[], who: ReportInstallation): string {
  return events
    .map((e) =>
      JSON.stringify({
        time: e.time / 1000,
        host: who.identity ?? who.installationId,
        source: SERVICE_NAME,
        sourcetype: HEC_SOURCETYPE,
        event: { ...e, event: otelEventName(e), installationId: who.installationId, ...(who.identity ? { identity: who.identity } : {}) },
      }),
    )
    .join('\n');
}
