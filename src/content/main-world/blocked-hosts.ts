/**
 * The host patterns blocked everywhere (core/browser-traffic/blocked-hosts.ts), for traffic the
 * browser makes on the page's behalf and network rules never see: FedCM, payment-method
 * manifests, WebRTC servers (hook-browser-traffic.ts). Kept as the JSON text it arrived in and
 * parsed only the first time such an API names a host, so a frame that never uses them pays
 * nothing for the list's size.
 */
import { lower, parseJson, split } from './natives.ts';

let text = '[]';
let parsed: string[] | undefined = [];

export function setBlockedHosts(detail: unknown): void {
  if (typeof detail !== 'string' || detail.length > 2_000_000) return;
  text = detail;
  parsed = undefined;
}

function patterns(): string[] {
  if (parsed) return parsed;
  try {
    const value = parseJson(text) as unknown;
    parsed = Array.isArray(value) ? (value as string[]) : [];
  } catch {
    parsed = [];
  }
  return parsed;
}

/** Whether the list names nothing (then the hooks pass every call straight on). */
export const nothingBlocked = () => text === '[]';

/** `labels` (a host's) end with the pattern's labels; `*` is any one label (as in the database). */
function covered(labels: string[], pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  const want = split(pattern, '.');
  if (labels.length < want.length) return false;
  const offset = labels.length - want.length;
  for (let i = 0; i < want.length; i++) if (want[i] !== '*' && want[i] !== labels[offset + i]) return false;
  return true;
}

/** Only the page's own built-ins captured at start are used: the page may have replaced the rest. */
export function isBlockedHost(hostname: string): boolean {
  if (nothingBlocked()) return false;
  const labels = split(lower(hostname), '.');
  // A fully qualified name (`api.deepseek.com.`) is the same host.
  while (labels.length > 1 && labels[labels.length - 1] === '') labels.length -= 1;
  const list = patterns();
  for (let i = 0; i < list.length; i++) if (covered(labels, list[i])) return true;
  return false;
}
