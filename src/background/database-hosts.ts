/**
 * The bundled database's host suffixes, worked out once per worker start: the network observer
 * and the audit log's block watcher both register webRequest filters for them.
 */
import { database } from '../core/database.ts';
import { compileDetectionHints } from '../core/detection/detection-hints.ts';

export const BUNDLED_HOST_SUFFIXES: readonly string[] = compileDetectionHints(database.providers).hostSuffixes;
