import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { Options } from './Options.tsx';
import { intlLocaleOf } from '../core/intl-locale.ts';
import { t } from '../shared/t.ts';

// The static page names itself in English; the language of the messages shown replaces it
// before anything shows (not the browser's, when the extension lacks that one).
document.documentElement.lang = intlLocaleOf(t);
document.title = t('optPageTitle');

render(<Options />, document.getElementById('app')!);
