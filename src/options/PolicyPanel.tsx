/** The organization's policy: whether it applies, what was wrong with it, what it adds. */
import type { SettingsView } from '../core/settings-view.ts';
import { ExtraProviders } from './ExtraProviders.tsx';
import { PolicyStatus } from './PolicyStatus.tsx';
import { ProblemList } from './ProblemList.tsx';
import { ReportingPanel } from './ReportingPanel.tsx';
import { t } from '../shared/t.ts';

export function PolicyPanel({ view }: { view: SettingsView }) {
  const { policyProblems, userProblems } = view;
  return (
    <section class="panel" id="policy" aria-labelledby="policy-title">
      <h2 id="policy-title">{t('optPolicyTitle')}</h2>
      <PolicyStatus view={view} />
      <h3>{t('optPolicyProblemsTitle')}</h3>
      {policyProblems.length > 0 ? (
        <>
          <p>{t('optPolicyProblemsIntro')}</p>
          <ProblemList id="policy-problems" problems={policyProblems} />
        </>
      ) : (
        <p class="muted" data-problems="none">
          {t('optPolicyNoProblems')}
        </p>
      )}
      {userProblems.length > 0 && (
        <>
          <h3>{t('optSettingsProblemsTitle')}</h3>
          <p>{t('optSettingsProblemsIntro')}</p>
          <ProblemList id="settings-problems" problems={userProblems} />
        </>
      )}
      <ReportingPanel view={view} />
      <ExtraProviders view={view} />
    </section>
  );
}
