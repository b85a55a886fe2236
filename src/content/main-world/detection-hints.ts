/**
 * The host filter (src/core/detection/host-filter.ts) compiled from the database at build time,
 * of fixed size whatever the catalog's. It comes in through `define` (vite.config.ts), not a
 * virtual module: crxjs builds the standalone content scripts in a second build that keeps the
 * parent's `define` and `resolve` but none of its plugins.
 */
import type { FrameHints } from '../../core/detection/detection-hints.ts';

declare const __AJG_FRAME_HINTS__: FrameHints;

const hints: FrameHints = __AJG_FRAME_HINTS__;
export default hints;
