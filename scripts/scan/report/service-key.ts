/**
 * What every scanner report counts by: one AI service. A finding belongs to its provider when the
 * database knows who runs it, and otherwise to the host it was seen on, so that two unknown
 * endpoints are not lumped together as one "unknown provider" (a baseline that accepted one would
 * silently accept the other).
 */
import { countryName } from '../../../src/core/country.ts';
import type { ReportFinding } from '../../../src/core/tab-report.ts';

/**
 * `deepseek` for a known provider, `unknown/<host>` otherwise. Provider ids never contain `/`, so
 * the two kinds cannot collide; the key is also the tail of the SARIF rule id (`ai-service/<key>`).
 */
export function serviceKeyOf(f: ReportFinding): string {
  return f.provider ? f.provider.id : `unknown/${f.host}`;
}

/** The name people read: the provider's, or the host for an endpoint nobody could place. */
export function serviceNameOf(f: ReportFinding): string {
  return f.provider ? f.provider.name : f.host;
}

/**
 * The countries whose law reaches what this finding sends: the provider's, its parent company's,
 * and the upstream model builder's when the request may be passed on to it (`counted`). A known
 * service that starts routing to a builder in another country is therefore a new country.
 */
export function countriesOf(f: ReportFinding): string[] {
  const all = [f.provider?.country, f.parent?.country, f.upstream?.counted ? f.upstream.country : undefined];
  return [...new Set(all.filter((c): c is string => typeof c === 'string' && c !== ''))].sort();
}

/** A page's findings grouped by service key, in the order first seen (Map keeps insertion order). */
export function findingsByService(findings: readonly ReportFinding[]): Map<string, ReportFinding[]> {
  const groups = new Map<string, ReportFinding[]>();
  for (const f of findings) {
    const key = serviceKeyOf(f);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return groups;
}

/** "China (CN)": the name for people, the code for grep. */
export function countryLabel(code: string): string {
  const name = countryName(code, 'en');
  return name === code ? code : `${name} (${code})`;
}

/**
 * Who runs it and where, as a phrase: "DeepSeek, based in China (CN)"; "Cici, based in Singapore
 * (SG), parent ByteDance Ltd. in China (CN)"; "DeepSeek (who runs it is not yet verified)";
 * "an AI endpoint at x.example that the database cannot place".
 */
export function whoRunsIt(f: ReportFinding): string {
  if (!f.provider) return `an AI endpoint at ${f.host} that the database cannot place`;
  const own = f.provider.country ? `${f.provider.name}, based in ${countryLabel(f.provider.country)}` : `${f.provider.name} (who runs it is not yet verified)`;
  return f.parent ? `${own}, parent ${f.parent.name} in ${countryLabel(f.parent.country)}` : own;
}
