/** The `--pretty` form of `npm run -s lookup -- --stats`. */
import { countryName } from '../../src/core/country.ts';
import type { DatabaseStats } from '../../src/core/database/database-stats.ts';

export { databaseStats } from '../../src/core/database/database-stats.ts';

export function statsTable(s: DatabaseStats): string {
  const rows: Array<[string, string | number]> = [
    ['providers', `${s.providers} (${s.unverifiedProviders} not yet verified)`],
    ['products', `${s.products} (${s.products - s.unverifiedProducts} verified, ${s.unverifiedProducts} not yet verified)`],
    ['hostnames', s.hosts],
    ['operator countries', s.countries],
    ['products run from / owned in China', `${s.chinaProducts} (from ${s.chinaProviders} providers)`],
    ['model families', s.modelFamilies],
    ['aggregators', s.aggregators],
    ['jurisdictions', s.jurisdictions],
    ['laws', s.laws],
    ['hosts by role', Object.entries(s.hostsByRole).map(([r, n]) => `${r} ${n}`).join(', ')],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
  lines.push('', 'products by operator country:');
  for (const [cc, n] of Object.entries(s.productsByCountry)) lines.push(`  ${cc}  ${String(n).padStart(3)}  ${countryName(cc)}`);
  return lines.join('\n');
}
