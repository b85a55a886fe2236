/** One AI provider seen on the tab: who runs it, where, why it matters, and the evidence. */
import type { DescribedFinding } from '../core/facts.ts';
import { Country } from '../ui/Country.tsx';
import { LevelBadge } from '../ui/LevelBadge.tsx';

const HOW_SEEN: Record<DescribedFinding['kind'], string> = {
  site: 'This page is served from',
  embed: 'A frame in this page loads',
};

/** `showReason`: false when the verdict above already gives this provider's reason. */
export function ProviderCard({ findings, showReason }: { findings: DescribedFinding[]; showReason: boolean }) {
  const [first] = findings;
  if (!first) return null;
  return (
    <article class="card" data-provider={first.providerId}>
      <header class="card-head">
        <h2>{first.providerName}</h2>
        <LevelBadge level={first.level} />
      </header>
      <p class="operator">
        Run by {first.operator.name} · <Country code={first.operator.country} />
      </p>
      {first.parent && (
        <p class="operator" data-fact="parent">
          Owned by {first.parent.name} · <Country code={first.parent.country} />
        </p>
      )}
      {showReason && first.reason && <p class="reason">{first.reason}</p>}
      <ul class="evidence">
        {findings.map((f) => (
          <li key={`${f.kind}|${f.host}`}>
            {HOW_SEEN[f.kind]} <code>{f.host}</code> ({f.productName}){f.count > 1 ? `, ${f.count} times` : ''}
            {' · '}
            <time dateTime={new Date(f.lastSeen).toISOString()}>{new Date(f.lastSeen).toLocaleTimeString()}</time>
          </li>
        ))}
      </ul>
    </article>
  );
}
