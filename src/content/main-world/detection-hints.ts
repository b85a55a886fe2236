/**
 * The detection hints (src/core/detection-hints.ts) compiled from the database at build time.
 * They come in through `define` (vite.config.ts), not a virtual module: crxjs builds the
 * standalone content scripts in a second build that keeps the parent's `define` and `resolve`
 * but none of its plugins.
 */
import type { DetectionHints } from '../../core/detection-hints.ts';

declare const __AJG_DETECTION_HINTS__: DetectionHints;

const hints: DetectionHints = __AJG_DETECTION_HINTS__;
export default hints;
