import { findingFacts } from '../../src/core/assess.ts';
import { database, hostIndex } from '../../src/core/database.ts';
import { lookupHost } from '../../src/core/host-index.ts';
import type { FindingFacts } from '../../src/core/tab-state.ts';

/** Database facts for a host, as the background computes them. */
export function assessHost(host: string): FindingFacts | undefined {
  const match = lookupHost(hostIndex, host);
  return match && findingFacts(match, database.jurisdictions);
}
