import { render } from 'preact';
import { intlLocaleOf } from '../core/intl-locale.ts';
import { t } from '../shared/t.ts';
import '../ui/theme.css';
import './blocked.css';
import { Blocked } from './Blocked.tsx';

document.title = t('blkPageTitle');
// The language of the messages shown (not the browser's, when the extension lacks that one).
document.documentElement.lang = intlLocaleOf(t);
// The browser only ever shows the block page as a tab's top document (a redirect of a main-frame
// navigation). Inside a frame it could only be someone's attempt to overlay and click-jack its
// "Allow once", so it shows nothing there (the background also refuses allow-once from a frame).
if (window.top === window) render(<Blocked />, document.getElementById('app')!);
