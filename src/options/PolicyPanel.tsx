/** The organization's policy: whether it applies, what was wrong with it, what it adds. */
import type { SettingsView } from '../core/settings-view.ts';
import { ExtraProviders } from './ExtraProviders.tsx';
import { PolicyStatus } from './PolicyStatus.tsx';
import { ProblemList } from './ProblemList.tsx';

export function PolicyPanel({ view }: { view: SettingsView }) {
  const { policyProblems, userProblems } = view;
  return (
    <section class="panel" id="policy" aria-labelledby="policy-title">
      <h2 id="policy-title">Policy</h2>
      <PolicyStatus view={view} />
      <h3>Policy problems</h3>
      {policyProblems.length > 0 ? (
        <>
          <p>Each setting or entry below was left out because its value is wrong; the rest of the policy applies.</p>
          <ProblemList id="policy-problems" problems={policyProblems} />
        </>
      ) : (
        <p class="muted" data-problems="none">
          No problems in the policy.
        </p>
      )}
      {userProblems.length > 0 && (
        <>
          <h3>Problems in your saved settings</h3>
          <p>Each setting or entry below was left out because its stored value is wrong; the rest of your settings apply.</p>
          <ProblemList id="settings-problems" problems={userProblems} />
        </>
      )}
      <ExtraProviders view={view} />
    </section>
  );
}
