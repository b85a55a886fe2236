/** The laws behind a block: each names its articles and links to its source text. */
import type { Law } from '../core/provider.ts';

export function LawList({ laws }: { laws: readonly Law[] }) {
  return (
    <ul class="laws">
      {laws.map((law) => (
        <li key={law.id} data-law={law.id}>
          <a href={law.source.url} target="_blank" rel="noreferrer">
            {law.name.includes(String(law.year)) ? law.name : `${law.name} (${law.year})`}
          </a>
          {law.articles.length > 0 && <span class="articles"> · {law.articles.map((a) => a.ref).join(', ')}</span>}
        </li>
      ))}
    </ul>
  );
}
