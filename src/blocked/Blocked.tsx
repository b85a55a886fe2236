/**
 * Where a blocked top-level navigation lands (declarativeNetRequest redirect, URL after `#`):
 * what was blocked, why (provider, country, law) and by whom. The URL comes from the address
 * bar, so it is shown as text only and never loaded.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { decide, type Decision } from '../core/block-decision.ts';
import { database } from '../core/database.ts';
import { factsFor } from '../core/facts.ts';
import { httpHostOf } from '../core/hostname.ts';
import { policyDatabase } from '../core/policy-database.ts';
import { describeRule, whoDecides } from '../core/rule-words.ts';
import type { SettingsView } from '../core/settings-view.ts';
import { sendMessage } from '../shared/send-message.ts';
import { t } from '../shared/t.ts';
import { Country } from '../ui/Country.tsx';
import { LevelBadge } from '../ui/LevelBadge.tsx';

function blockedUrl(): string {
  const raw = location.hash.slice(1);
  return raw.length > 8192 ? raw.slice(0, 8192) : raw;
}

export function Blocked() {
  const url = blockedUrl();
  const host = httpHostOf(url);
  const [view, setView] = useState<SettingsView | null>(null);
  useEffect(() => {
    sendMessage({ type: 'ui-to-bg/get-settings' }).then(setView, () => setView(null));
  }, []);
  const db = view ? policyDatabase(database, view.settings) : database;
  const decision: Decision | undefined = view && host ? decide(view.settings, db, { host, navigation: true }) : undefined;
  const match = host ? db.lookupHost(host) : undefined;
  const facts = match && factsFor(db, { providerId: match.provider.id, productId: match.product.id, role: match.host.role });
  const laws = (facts?.decidedBy?.laws ?? []).flatMap((id) => db.law(id) ?? []);
  return (
    <main class="blocked" data-state="blocked">
      <h1>{match ? `${match.provider.name} is blocked` : 'This AI service is blocked'}</h1>
      <p class="url">
        <code>{url || 'unknown address'}</code>
      </p>
      {facts?.operator && (
        <p>
          {match!.product.name} is run by {facts.operator.name} · <Country code={facts.operator.country} />
          {facts.parent && (
            <>
              {' '}· owned by {facts.parent.name} · <Country code={facts.parent.country} />
            </>
          )}{' '}
          <LevelBadge level={facts.level} />
        </p>
      )}
      <section class="why" aria-label="Why">
        {decision?.rule && decision.matched !== undefined ? <p data-rule={`${decision.rule.tier}-${decision.rule.scope}`}>{describeRule(decision.rule, decision.matched, db, t)}</p> : <p>A block rule of AI Jurisdiction Guard stopped this page from loading.</p>}
        {facts?.reason && <p>{facts.reason}</p>}
        {laws.length > 0 && (
          <ul class="laws">
            {laws.map((law) => (
              <li key={law.id}>
                <a href={law.source.url} target="_blank" rel="noreferrer">
                  {law.name}
                </a>
                {law.articles.length ? ` (${law.articles.map((a) => a.ref).join(', ')})` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      {decision?.rule && <p class="by" data-by={decision.rule.tier}>Blocked by {whoDecides(decision.rule, t)}.</p>}
      <div class="actions">
        <button type="button" class="primary" onClick={() => history.back()}>
          Go back
        </button>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </div>
    </main>
  );
}
