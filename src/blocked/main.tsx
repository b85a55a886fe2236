import { render } from 'preact';
import { intlLocaleOf } from '../core/intl-locale.ts';
import { t } from '../shared/t.ts';
import '../ui/theme.css';
import './blocked.css';
import { Blocked } from './Blocked.tsx';

document.title = t('blkPageTitle');
// The language of the messages shown (not the browser's, when the extension lacks that one).
document.documentElement.lang = intlLocaleOf(t);
render(<Blocked />, document.getElementById('app')!);
