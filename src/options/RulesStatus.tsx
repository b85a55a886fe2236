/** The browser rules last applied: how many, when, and whether the browser refused any. */
import type { RulesStatus as Status } from '../core/settings-view.ts';
import { formatTime } from './format-time.ts';

export function RulesStatus({ rules }: { rules: Status | null }) {
  return (
    <section class="panel" id="rules" aria-labelledby="rules-title">
      <h2 id="rules-title">Block rules</h2>
      {rules ? (
        <p data-rules={rules.rules}>
          <span data-rule-stat="rules">{rules.rules}</span> browser {rules.rules === 1 ? 'rule' : 'rules'} in force (
          <span data-rule-stat="regexRules">{rules.regexRules}</span> with patterns), applied {formatTime(rules.appliedAt)}.
        </p>
      ) : (
        <p class="muted">No rules applied yet.</p>
      )}
      {rules?.error && (
        <p class="field-error" role="alert" data-rules-error>
          <span aria-hidden="true">⚠ </span>The browser refused the last update: {rules.error}. The rules before stay in force.
        </p>
      )}
      {rules && rules.problems.length > 0 && (
        <div role="alert">
          <p>Some rules were left out to stay within the browser’s limits:</p>
          <ul class="problems" id="rules-problems">
            {rules.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
