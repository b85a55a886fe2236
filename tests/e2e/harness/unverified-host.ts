/**
 * A not-yet-verified AI service of the bundled database to visit (docs/data.md), and a page for
 * its host: the tests follow the data rather than name an entry that may be verified tomorrow.
 */
import { database } from '../../../src/core/database.ts';
import type { FixtureServer } from './fixture-server.ts';

const plainChat = (host: { host: string; role: string }) => host.role === 'chat' && !host.host.includes('*');

/** The first such provider by id with a plain chat host. */
export const UNVERIFIED_PROVIDER = database.providers
  .filter((p) => p.unverified && !p.addedBy)
  .sort((a, b) => a.id.localeCompare(b.id))
  .find((p) => p.products.some((x) => x.hosts.some(plainChat)));

export const UNVERIFIED_HOST = UNVERIFIED_PROVIDER?.products.flatMap((x) => x.hosts).find(plainChat)?.host ?? 'unverified.invalid';

const PAGE = '<!doctype html><html lang="en"><head><title>An AI app</title></head><body><h1>An AI app</h1><textarea aria-label="Prompt"></textarea></body></html>';

/** Serves a plain AI-app page on every path of the host. */
export function serveUnverifiedHost(server: FixtureServer): void {
  server.route(UNVERIFIED_HOST, '*', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
}
