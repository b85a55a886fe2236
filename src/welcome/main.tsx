import { render } from 'preact';
import { intlLocaleOf } from '../core/intl-locale.ts';
import { t } from '../shared/t.ts';
import '../ui/theme.css';
import './welcome.css';
import { Welcome } from './Welcome.tsx';

document.title = t('welPageTitle');
// The language of the messages shown (not the browser's, when the extension lacks that one).
document.documentElement.lang = intlLocaleOf(t);
render(<Welcome />, document.getElementById('app')!);
