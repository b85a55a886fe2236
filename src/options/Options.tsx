/** Options page. The policy and UI issues add mode, lists and the audit log; this shows what is bundled. */
import browser from 'webextension-polyfill';
import { database } from '../core/database.ts';

export function Options() {
  const { version } = browser.runtime.getManifest();
  const products = database.providers.flatMap((p) => p.products);
  const hosts = products.flatMap((p) => p.hosts);
  const countries = new Set(database.providers.map((p) => p.operator.country));
  return (
    <main class="options">
      <h1>AI Jurisdiction Guard</h1>
      <p class="muted">Version {version}</p>
      <section class="panel" aria-labelledby="db-title">
        <h2 id="db-title">Risk database</h2>
        <dl class="stats">
          <div><dt>Providers</dt><dd data-stat="providers">{database.providers.length}</dd></div>
          <div><dt>Products</dt><dd data-stat="products">{products.length}</dd></div>
          <div><dt>Hostnames</dt><dd data-stat="hosts">{hosts.length}</dd></div>
          <div><dt>Countries</dt><dd data-stat="countries">{countries.size}</dd></div>
        </dl>
        <p class="muted">Bundled with the extension; nothing is downloaded at run time.</p>
      </section>
    </main>
  );
}
