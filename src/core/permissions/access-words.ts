/** What the site-access notice says (access-notice.ts), in the user's language. */
import type { Translate } from '../i18n.ts';
import type { AccessNotice } from './access-notice.ts';

export interface AccessWords {
  title: string;
  /** What does not work without the access, and what still does. */
  body: string;
  /** The button that asks the browser for the access. */
  action: string;
}

export function accessWords(notice: AccessNotice, t: Translate): AccessWords {
  switch (notice.scope) {
    case 'site':
      return { title: t('accessSiteTitle', [notice.host ?? '']), body: t('accessSiteBody'), action: t('accessAllowAll') };
    case 'web':
      return { title: t('accessWebTitle'), body: t('accessWebBody'), action: t('accessAllowAll') };
    case 'sockets':
      return { title: t('accessSocketsTitle'), body: t('accessSocketsBody'), action: t('accessAllowSockets') };
  }
}
