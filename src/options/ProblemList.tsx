/** Keys of a policy or of stored settings that were left out, each with the reason. */
import type { SettingProblem } from '../core/policy-parse.ts';

export function ProblemList({ id, problems }: { id: string; problems: readonly SettingProblem[] }) {
  return (
    <ul class="problems" id={id}>
      {problems.map((p, i) => (
        <li key={`${p.key}:${i}`} data-problem-key={p.key}>
          <span aria-hidden="true" class="problem-icon">
            ⚠
          </span>{' '}
          <code>{p.key}</code>: {p.reason}
        </li>
      ))}
    </ul>
  );
}
