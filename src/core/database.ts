/**
 * The bundled risk database, as the build validated it (scripts/vite-plugin-database.ts), plus
 * the lookup structures built from it once per context start.
 */
import providersFile from '../data/providers.json';
import jurisdictionsFile from '../data/jurisdictions.json';
import { createHostIndex } from './host-index.ts';
import type { Jurisdiction, Provider, RiskDatabase } from './provider.ts';

export const database: RiskDatabase = {
  providers: providersFile.providers as Provider[],
  jurisdictions: jurisdictionsFile.jurisdictions as Jurisdiction[],
};

export const hostIndex = createHostIndex(database.providers);
