import { beforeEach } from 'vitest';
import { resetBrowser } from './mocks/webextension-polyfill.ts';

beforeEach(() => resetBrowser());
