/**
 * The organization's own words where a block meets a person (issue 19): the approved AI tools it
 * provides for this kind of block, each with a button that opens it, its message and where to get
 * help. Everything here comes from the managed policy and is shown as text (never markup); links
 * are https or mailto only (guidance-policy.ts checked them).
 */
import { alternativesFor, type BlockedService, messageIn } from '../core/guidance/guidance-policy.ts';
import { intlLocaleOf } from '../core/intl-locale.ts';
import type { PreferredTool } from '../core/guidance/preferred-tool.ts';
import type { Policy } from '../core/settings.ts';
import { t } from '../shared/t.ts';
import './org-guidance.css';

interface Props {
  policy: Policy;
  service: BlockedService;
  /** The person's own preferred tool (a user setting), offered after the organization's. */
  preferred?: PreferredTool | null | undefined;
}

export function OrgGuidance({ policy, service, preferred }: Props) {
  const alternatives = alternativesFor(policy.approvedAlternatives, service);
  const mine = preferred && !alternatives.some((a) => a.url === preferred.url) ? preferred : undefined;
  // The messages' language (see popup/Evidence.tsx), for choosing the organization's text.
  const message = messageIn(policy.organizationMessage, intlLocaleOf(t));
  if (!alternatives.length && !mine && !message && !policy.supportUrl) return null;
  return (
    <section class="org-guidance" aria-label={t('orgGuidanceLabel')} data-org-guidance>
      {alternatives.map((a) => (
        <div class="alternative" key={a.url} data-alternative={a.name}>
          <p>
            <strong>{t('orgProvides', [a.name])}</strong>
            {a.description && <span class="note"> {a.description}</span>}
          </p>
          <a class="button primary" href={a.url} target="_blank" rel="noopener noreferrer">
            {t('orgOpen', [a.name])}
          </a>
        </div>
      ))}
      {mine && (
        <div class="alternative" data-preferred-tool={mine.name}>
          <p>
            <strong>{t('prefToolIs', [mine.name])}</strong>
          </p>
          <a class={`button ${alternatives.length ? 'secondary' : 'primary'}`} href={mine.url} target="_blank" rel="noopener noreferrer">
            {t('orgOpen', [mine.name])}
          </a>
        </div>
      )}
      {message && (
        <p class="org-message" data-org-message>
          {message}
        </p>
      )}
      {policy.supportUrl && (
        <p>
          <a href={policy.supportUrl} target="_blank" rel="noopener noreferrer" data-support-url>
            {t('orgSupport')}
          </a>
        </p>
      )}
    </section>
  );
}
