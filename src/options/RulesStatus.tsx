/** The browser rules last applied: how many, when, and whether the browser refused any (for support, in Advanced). */
import type { RulesStatus as Status } from '../core/settings-view.ts';
import { formatTime } from './format-time.ts';
import { t } from '../shared/t.ts';

export function RulesStatus({ rules }: { rules: Status | null }) {
  return (
    <div class="advanced-part" id="rules">
      <h3 id="rules-title">{t('optRulesTitle')}</h3>
      {rules ? (
        <p data-rules={rules.rules}>
          {t(rules.rules === 1 ? 'optRulesInForceOne' : 'optRulesInForce', [rules.rules, rules.regexRules, formatTime(rules.appliedAt)])}
          <span hidden data-rule-stat="rules">{rules.rules}</span>
          <span hidden data-rule-stat="regexRules">{rules.regexRules}</span>
        </p>
      ) : (
        <p class="muted">{t('optRulesNone')}</p>
      )}
      {rules?.error && (
        <p class="field-error" role="alert" data-rules-error>
          <span aria-hidden="true">⚠ </span>
          {t('optRulesRefused', [rules.error])}
        </p>
      )}
      {rules && rules.problems.length > 0 && (
        <div role="alert">
          <p>{t('optRulesLeftOut')}</p>
          <ul class="problems" id="rules-problems">
            {rules.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
