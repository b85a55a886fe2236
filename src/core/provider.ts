/**
 * Domain types of the risk database. The foundation carries a tiny table; the risk-database
 * issue extends these types (parents, data locations, laws) and compiles the data at build time.
 */
import type { RiskLevel } from './risk-level.ts';

/** ISO 3166-1 alpha-2 code, upper case (`CN`, `US`, `FR`). */
export type CountryCode = string;

/** Where a statement in the database comes from, and when a person last checked it. */
export interface Source {
  url: string;
  /** ISO date `YYYY-MM-DD`. */
  reviewed: string;
}

export interface Company {
  name: string;
  country: CountryCode;
  source: Source;
}

export type HostRole = 'chat' | 'api' | 'widget' | 'asset';

export interface ProductHost {
  /** Matches this host and every subdomain of it. */
  host: string;
  role: HostRole;
  source: Source;
}

export interface Product {
  id: string;
  name: string;
  hosts: ProductHost[];
}

export interface Provider {
  id: string;
  name: string;
  operator: Company;
  products: Product[];
}

export interface Jurisdiction {
  country: CountryCode;
  level: RiskLevel;
  /** One sentence a user reads: why this country gets this level. */
  reason: string;
  source: Source;
}

export interface RiskDatabase {
  providers: Provider[];
  jurisdictions: Jurisdiction[];
}
