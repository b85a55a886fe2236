/**
 * Which tab-state changes become finding entries: a new finding once per page visit, never a
 * repeat, and the same finding again on the next visit (even when the new page and its first
 * sighting arrive in one batch, so the state before still holds the old page's finding).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEvent } from '../../src/background/audit-log.ts';
import { applySightings, applyTopDocument, type Sighting, type TabState } from '../../src/core/tab-state.ts';

const recorded: AuditEvent[] = [];
vi.mock('../../src/background/audit-log.ts', () => ({ recordAudit: async (_tab: number, e: AuditEvent) => void recorded.push(e) }));
const { auditNewFindings } = await import('../../src/background/audit-findings.ts');

const mistral: Sighting = { kind: 'request', host: 'api.mistral.ai', providerId: 'mistral', productId: 'mistral-api', role: 'api', frameId: 0, channel: 'fetch', model: 'mistral-large' };
const page = (url: string, documentId: string) => applyTopDocument(undefined, { tabId: 3, url, documentId });

async function change(prev: TabState | undefined, next: TabState) {
  await auditNewFindings({ tabId: 3, prev, next });
}

describe('finding entries', () => {
  beforeEach(() => void (recorded.length = 0));

  it('records a new finding with its facts, and not its repeats', async () => {
    const start = page('https://news.example.com/a', 'd1');
    const first = applySightings(start, [mistral], 1000);
    await change(start, first);
    const again = applySightings(first, [mistral, mistral], 2000);
    await change(first, again);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ time: 1000, type: 'finding', site: 'news.example.com', host: 'api.mistral.ai', providerId: 'mistral', kind: 'request', model: 'mistral-large', country: 'FR' });
    expect(recorded[0]!.providerName).toBeTruthy();
    expect(recorded[0]!.level).toBe('low');
  });

  it('records it again on the next page visit, even in the same batch as the navigation', async () => {
    const first = applySightings(page('https://news.example.com/a', 'd1'), [mistral], 1000);
    const next = applySightings(applyTopDocument(first, { tabId: 3, url: 'https://news.example.com/b', documentId: 'd2' }), [mistral], 5000);
    await change(first, next);
    expect(recorded.map((e) => e.time)).toEqual([5000]);
  });

  it('records nothing twice when the state starts over within the same document, and again on a reload', async () => {
    const first = applySightings(page('https://app.example.com/x', 'd7'), [mistral], 1000);
    await change(undefined, first);
    // The same document's state rebuilt (a worker that lost its memory, a late navigation event): same visit.
    const rebuilt = applySightings(page('https://app.example.com/x', 'd7'), [mistral], 1500);
    await change(undefined, rebuilt);
    // A sighting before the document is known belongs to the visit too.
    const early = applySightings(applyTopDocument(undefined, { tabId: 3, url: 'https://app.example.com/x' }), [mistral], 1600);
    await change(undefined, early);
    expect(recorded.map((e) => e.time)).toEqual([1000]);
    // A reload is a new document: a new visit.
    await change(rebuilt, applySightings(page('https://app.example.com/x', 'd8'), [mistral], 9000));
    expect(recorded.map((e) => e.time)).toEqual([1000, 9000]);
  });

  it('waits for the page: sightings before the page is known are recorded once it is, with its site', async () => {
    const early = applySightings(undefined, [mistral], 1000);
    await change(undefined, early);
    expect(recorded).toEqual([]);
    const known = applySightings(applyTopDocument(early, { tabId: 3, url: 'https://shop.example.com/', documentId: 'd9' }), [mistral], 1200);
    await change(early, known);
    await change(known, applySightings(known, [mistral], 1300));
    expect(recorded.map((e) => e.site)).toEqual(['shop.example.com']);
  });
});
