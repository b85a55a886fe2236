/**
 * Reads an OTLP/HTTP JSON logs payload with the official protobuf definitions (the
 * opentelemetry-proto messages as compiled by protobufjs in @opentelemetry/otlp-transformer
 * 0.57, code we did not write): the payload becomes an ExportLogsServiceRequest, is encoded to
 * protobuf bytes and decoded again. Anything the definitions do not have (a misspelt field, a
 * wrong type) is lost on the way, so the payload is accepted only when it comes back unchanged.
 */
import { createRequire } from 'node:module';

interface MessageType {
  fromObject(o: unknown): unknown;
  encode(m: unknown): { finish(): Uint8Array };
  decode(b: Uint8Array): unknown;
  toObject(m: unknown, o: { longs: StringConstructor; enums: NumberConstructor; arrays: boolean }): unknown;
}

const require = createRequire(import.meta.url);
const root = require('@opentelemetry/otlp-transformer/build/src/generated/root.js') as { opentelemetry: { proto: { collector: { logs: { v1: { ExportLogsServiceRequest: MessageType } } } } } };
const Request = root.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;

export interface OtlpLogRecord {
  timeUnixNano: string;
  observedTimeUnixNano?: string;
  severityNumber: number;
  severityText: string;
  body: { stringValue: string };
  attributes: { key: string; value: Record<string, unknown> }[];
}

export interface OtlpLogs {
  resourceLogs: { resource: { attributes: { key: string; value: Record<string, unknown> }[] }; scopeLogs: { scope: { name: string; version?: string }; logRecords: OtlpLogRecord[] }[] }[];
}

/** The payload as the definitions read it; throws when they would change it. */
export function decodeOtlpLogs(json: string): OtlpLogs {
  const sent = JSON.parse(json) as unknown;
  const bytes = Request.encode(Request.fromObject(sent)).finish();
  const read = Request.toObject(Request.decode(bytes), { longs: String, enums: Number, arrays: false });
  const a = canonical(sent);
  const b = canonical(read);
  if (a !== b) throw new Error(`the OTLP payload does not survive the official definitions:\nsent ${a.slice(0, 2000)}\nread ${b.slice(0, 2000)}`);
  return read as OtlpLogs;
}

/** A record's attributes as a plain object: string, int (as a number) and arrays of strings. */
export function attributesOf(attrs: { key: string; value: Record<string, unknown> }[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of attrs) {
    if ('stringValue' in value) out[key] = value.stringValue;
    else if ('intValue' in value) out[key] = Number(value.intValue);
    else if ('arrayValue' in value) out[key] = ((value.arrayValue as { values: { stringValue: string }[] }).values ?? []).map((v) => v.stringValue);
    else out[key] = value;
  }
  return out;
}

/** JSON with every object's keys sorted: the definitions' field order is not the sender's. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
