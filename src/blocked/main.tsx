import { render } from 'preact';
import { t, uiLanguage } from '../shared/t.ts';
import '../ui/theme.css';
import './blocked.css';
import { Blocked } from './Blocked.tsx';

document.title = t('blkPageTitle');
document.documentElement.lang = uiLanguage();
render(<Blocked />, document.getElementById('app')!);
