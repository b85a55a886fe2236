/**
 * The host a WebRTC ICE server URL names (RFC 7064 `stun:`/`stuns:`, RFC 7065 `turn:`/`turns:`):
 * `turn:turn.example.com:3478?transport=tcp` → `turn.example.com`. These URLs have no `//`, so
 * the URL parser gives no hostname for them. IPv6 literals come back without brackets.
 */
const SCHEMES = ['stun:', 'stuns:', 'turn:', 'turns:'];

export function iceServerHost(url: string): string | undefined {
  if (typeof url !== 'string' || url.length > 2048) return undefined;
  const lowered = url.toLowerCase();
  const scheme = SCHEMES.find((s) => lowered.startsWith(s));
  if (!scheme) return undefined;
  let rest = lowered.slice(scheme.length);
  // Some pages write `turn://host`; browsers reject it, but read the host anyway.
  while (rest.startsWith('/')) rest = rest.slice(1);
  const query = rest.indexOf('?');
  if (query >= 0) rest = rest.slice(0, query);
  if (rest.startsWith('[')) {
    const end = rest.indexOf(']');
    return end > 1 ? rest.slice(1, end) : undefined;
  }
  const at = rest.lastIndexOf('@');
  if (at >= 0) rest = rest.slice(at + 1);
  const colon = rest.indexOf(':');
  const host = colon >= 0 ? rest.slice(0, colon) : rest;
  return host === '' ? undefined : host;
}
