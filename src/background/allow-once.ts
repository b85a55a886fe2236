/**
 * "Allow once for this site" from the block page: checked again here against the decision in
 * force (the page's own view may be stale or forged), then granted as session rules, which the
 * browser drops when it closes. Rules for the same host are replaced, not added.
 */
import browser from 'webextension-polyfill';
import { allowOnceGrants, allowOnceRefusal, allowOnceRules, freeAllowOnceIds } from '../core/block-actions/allow-once.ts';
import { decide } from '../core/block-decision.ts';
import { ALLOW_ONCE_RULE_IDS } from '../core/constants.ts';
import { httpHostOf } from '../core/hostname.ts';
import type { Runtime } from 'webextension-polyfill';
import { isBlockPageUrl } from './block-page-url.ts';
import { reportAllowOnce } from './reporting/report-sink.ts';
import { currentState } from './settings-store.ts';

type Result = { ok: true } | { ok: false; error: string };

const inRange = (id: number) => id >= ALLOW_ONCE_RULE_IDS.first && id <= ALLOW_ONCE_RULE_IDS.last;

export async function allowOnce(url: string, sender: Runtime.MessageSender): Promise<Result> {
  // Only the block page asks, as the top document of a tab: not the popup or options page, and
  // not in a frame (a site cannot learn its dynamic URL, but it should not matter).
  if (sender.tab?.id === undefined || sender.frameId !== 0 || !isBlockPageUrl(sender.url)) return { ok: false, error: 'only the block page may allow once' };
  const host = httpHostOf(url);
  if (!host) return { ok: false, error: 'not an http(s) address' };
  const { settings, db } = await currentState();
  const decision = decide(settings, db, { host, navigation: true });
  const refusal = allowOnceRefusal(settings, decision, host);
  if (refusal) return { ok: false, error: refusal };
  const existing = (await browser.declarativeNetRequest.getSessionRules()).filter((r) => inRange(r.id));
  // A grant's rules name the host as their request domain, or (the product's API) as initiator.
  const ofHost = (r: (typeof existing)[number]) => (r.condition.initiatorDomains ? r.condition.initiatorDomains[0] === host : r.condition.requestDomains?.[0] === host);
  const staleIds = existing.filter(ofHost).map((r) => r.id);
  const ids = freeAllowOnceIds(existing.map((r) => r.id).filter((id) => !staleIds.includes(id)), 3);
  if (ids.length < 3) return { ok: false, error: 'too many sites allowed once in this session' };
  const rules = allowOnceRules(host, decision.target?.hosts ?? [], settings.org.blockedSites, ids);
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: staleIds, addRules: rules as browser.DeclarativeNetRequest.Rule[] });
  const target = decision.target;
  const rule = decision.rule ? `${decision.rule.tier} ${decision.rule.scope} ${decision.matched ?? ''}`.trim() : undefined;
  void reportAllowOnce(host, rule, target ? { providerId: target.providerId, ...(db.provider(target.providerId)?.name ? { providerName: db.provider(target.providerId)!.name } : {}) } : undefined).catch((error: unknown) =>
    console.error('reporting: allow once not queued:', error),
  );
  return { ok: true };
}

/**
 * After every change of settings or policy (apply-rules.ts): session rules outrank every dynamic
 * rule, so a grant the organization has since overruled must not outlive that change. Grants are
 * rebuilt from the hosts they name (only when there are any; settings changes are rare).
 */
export async function refreshAllowOnce(): Promise<void> {
  const existing = (await browser.declarativeNetRequest.getSessionRules()).filter((r) => inRange(r.id));
  if (!existing.length) return;
  const hosts = existing.filter((r) => r.condition.resourceTypes?.includes('main_frame')).flatMap((r) => r.condition.requestDomains?.slice(0, 1) ?? []);
  const { settings, db } = await currentState();
  const rules = allowOnceGrants(hosts, settings, db);
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: existing.map((r) => r.id), addRules: rules as browser.DeclarativeNetRequest.Rule[] });
}
