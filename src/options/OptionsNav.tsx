/** The page's menu: one link per section, kept in view (side on wide windows, top on narrow ones). */
import { t } from '../shared/t.ts';
import { SECTIONS } from './sections.ts';

export function OptionsNav({ current, onFollow }: { current: string; onFollow(id: string): void }) {
  return (
    <nav class="toc" aria-label={t('optNavLabel')}>
      <ul>
        {SECTIONS.map(({ id, title }) => (
          <li key={id}>
            <a href={`#${id}`} aria-current={current === id ? 'location' : undefined} onClick={() => onFollow(id)}>
              {t(title)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
