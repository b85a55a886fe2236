import { database } from '../../src/core/database.ts';
import { type DescribedFinding, describeFindings } from '../../src/core/facts.ts';
import { tEn } from './locale.ts';
import { applyPageSeen, type FindingRef, type TabState } from '../../src/core/tab-state.ts';

/** The database reference for a host, as the background computes it. */
export function refOf(host: string): FindingRef | undefined {
  const match = database.lookupHost(host);
  return match && { providerId: match.provider.id, productId: match.product.id, role: match.host.role };
}

export const docId = (c: string) => c.repeat(32);

/** A tab whose top page is on `top` and whose frames load `frames`, as the background records it. */
export function tabOf(top: string, ...frames: string[]): TabState {
  const seen = (frameId: number, host: string, doc: string, now: number) => ({ tabId: 1, frameId, url: `https://${host}/`, host, doc, now });
  let state = applyPageSeen(undefined, seen(0, top, docId('a'), 1), refOf(top))!;
  frames.forEach((host, i) => {
    state = applyPageSeen(state, seen(i + 1, host, docId('b'), 2 + i), refOf(host)) ?? state;
  });
  return state;
}

export function describedTab(top: string, ...frames: string[]): DescribedFinding[] {
  return describeFindings(database, tabOf(top, ...frames), tEn);
}
