/**
 * The bundled risk database. `virtual:risk-database` is the structure the build compiled from
 * src/data after validating it (scripts/vite-plugin-database.ts); nothing is parsed or indexed
 * here beyond turning its tables into Maps.
 */
import compiled from 'virtual:risk-database';
import { RiskDatabase } from './risk-database.ts';

export const database = new RiskDatabase(compiled);
