/**
 * The heading of the view when it is open in a tab ("Details" from the in-page warning): which
 * site it is about, as a page title would say. The toolbar popup has no room for it and needs
 * none (it sits under the site's own tab).
 */
import { useEffect } from 'preact/hooks';
import { t } from '../shared/t.ts';

export function PageTitle({ site }: { site?: string | undefined }) {
  const title = site ? t('popPageTitle', [site]) : t('extName');
  useEffect(() => {
    document.title = site ? `${title} · ${t('extName')}` : title;
  }, [site, title]);
  // A heading for assistive technology too, without a second <h1> beside the verdict's.
  return (
    <p class="page-title" role="heading" aria-level={1}>
      {title}
    </p>
  );
}
