/** What the bundled risk database holds (the data-stat attributes are read by tests). */
import { database } from '../core/database.ts';
import { databaseStats } from '../core/database-stats.ts';

export function DatabasePanel() {
  const stats = databaseStats(database);
  return (
    <section class="panel" id="database" aria-labelledby="db-title">
      <h2 id="db-title">Risk database</h2>
      <dl class="stats">
        <div><dt>Providers</dt><dd data-stat="providers">{stats.providers}</dd></div>
        <div><dt>Products</dt><dd data-stat="products">{stats.products}</dd></div>
        <div><dt>Hostnames</dt><dd data-stat="hosts">{stats.hosts}</dd></div>
        <div><dt>Countries</dt><dd data-stat="countries">{stats.countries}</dd></div>
      </dl>
      <p class="muted">Bundled with the extension; nothing is downloaded at run time.</p>
    </section>
  );
}
