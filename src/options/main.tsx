import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { Options } from './Options.tsx';
import { t, uiLanguage } from '../shared/t.ts';

// The static page names itself in English; the UI language replaces it before anything shows.
document.documentElement.lang = uiLanguage();
document.title = t('optPageTitle');

render(<Options />, document.getElementById('app')!);
