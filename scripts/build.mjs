#!/usr/bin/env node
// `npm run build`: dist/chrome and dist/firefox, one line when all is well (the same quiet build
// npm start and npm test use); warnings and errors are printed in full.
import { build } from './ensure.mjs';

build();
