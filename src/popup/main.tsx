import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { intlLocaleOf } from '../core/intl-locale.ts';
import { t } from '../shared/t.ts';
import { Popup } from './Popup.tsx';
import { detectViewMode } from './view-mode.ts';

// The language of the messages shown (not the browser's, when the extension lacks that one).
document.documentElement.lang = intlLocaleOf(t);
document.title = t('extName');
detectViewMode();
render(<Popup />, document.getElementById('app')!);
