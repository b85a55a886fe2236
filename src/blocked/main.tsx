import { render } from 'preact';
import '../ui/theme.css';
import './blocked.css';
import { Blocked } from './Blocked.tsx';

render(<Blocked />, document.getElementById('app')!);
