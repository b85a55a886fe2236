/**
 * Host patterns of the risk database (docs/data.md): lower-case DNS labels, where a label may be
 * `*` for exactly one label. A pattern matches its host and every subdomain. At least the last two
 * labels are fixed, so a pattern can never claim a whole public suffix such as `*.com`.
 */
const LABEL_RE = /^(?:\*|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)$/;
const TLD_RE = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** Why `pattern` is not a usable host pattern, or undefined when it is. */
export function hostPatternProblem(pattern: string): string | undefined {
  if (pattern !== pattern.trim() || /\s/.test(pattern)) return 'contains white space';
  if (/[:/?#@]/.test(pattern)) return 'must be a host only (no scheme, port or path)';
  if (pattern !== pattern.toLowerCase()) return 'must be lower case';
  if (pattern.length > 253) return 'is longer than 253 characters';
  const labels = pattern.split('.');
  if (labels.length < 2) return 'needs at least two labels';
  if (labels.some((l) => !LABEL_RE.test(l))) return 'has an empty or invalid label (letters, digits, dashes; or * for one whole label)';
  if (labels.slice(-2).includes('*')) return 'must keep its last two labels fixed (a * there would claim a whole suffix)';
  if (!TLD_RE.test(labels[labels.length - 1]!)) return 'does not end in a top-level domain';
  return undefined;
}

/** The fixed part after the last `*` label (`bedrock-runtime.*.amazonaws.com` → `amazonaws.com`). */
export function fixedSuffixOf(pattern: string): string {
  const labels = pattern.split('.');
  return labels.slice(labels.lastIndexOf('*') + 1).join('.');
}

/** The labels before the fixed suffix (`['bedrock-runtime', '*']`), empty for a plain host. */
export function wildPrefixOf(pattern: string): string[] {
  const labels = pattern.split('.');
  return labels.slice(0, labels.lastIndexOf('*') + 1);
}

/** `host` is `pattern`'s host or a subdomain of it, a `*` label standing for any one non-empty label. */
export function hostMatchesPattern(host: string, pattern: string): boolean {
  const labels = host.split('.');
  const want = pattern.split('.');
  if (labels.length < want.length) return false;
  const tail = labels.slice(labels.length - want.length);
  return want.every((w, i) => (w === '*' ? tail[i] !== '' : w === tail[i]));
}
