/**
 * Where the in-page warning goes (src/content/warning-banner.ts measures, this decides): at the
 * top or bottom edge of the window, right or left, full or shrunk to one line of text, so that it
 * covers neither the field the user types into nor the page's last lines next to it (the message
 * just above a chat's input). Pure geometry in CSS pixels of the viewport.
 */

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface BannerPlace {
  edge: 'top' | 'bottom';
  side: 'right' | 'left';
  /** Shrunk: one line of text, no brand line. */
  compact: boolean;
}

/** Space between the banner and the window's edges (the banner's CSS uses the same). */
export const BANNER_MARGIN = 12;

/** The full banner may take at most this share of the window's height; above it, it is shrunk (a small window). */
export const FULL_HEIGHT_SHARE = 0.25;

/** What the banner must not cover: the field (above all) and the page's content next to it. */
export interface Avoid {
  field?: Rect;
  content: readonly Rect[];
}

export function bannerRect(place: BannerPlace, size: Size, view: Size): Rect {
  const left = place.side === 'left' ? BANNER_MARGIN : view.width - BANNER_MARGIN - size.width;
  const top = place.edge === 'top' ? BANNER_MARGIN : view.height - BANNER_MARGIN - size.height;
  return { left, top, right: left + size.width, bottom: top + size.height };
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The first place, in order of preference, that covers nothing to avoid: full size before
 * shrunk (unless the full banner would take more than FULL_HEIGHT_SHARE of the window); the edge away from the field first (the top when there is none, or it sits in the lower
 * half, as in most chats); right before left. When every place covers something (a window too
 * small), the one that covers least, the field counting far more than the page's text.
 */
export function chooseBannerPlace(view: Size, sizes: { full: Size; compact: Size }, avoid: Avoid): BannerPlace {
  const { field } = avoid;
  const fieldInTopHalf = field !== undefined && field.top + field.bottom < view.height;
  const edges = fieldInTopHalf ? (['bottom', 'top'] as const) : (['top', 'bottom'] as const);
  let best: { place: BannerPlace; cost: number } | undefined;
  const shapes = sizes.full.height > view.height * FULL_HEIGHT_SHARE ? [true] : [false, true];
  for (const compact of shapes) {
    for (const edge of edges) {
      for (const side of ['right', 'left'] as const) {
        const place = { edge, side, compact };
        const rect = bannerRect(place, compact ? sizes.compact : sizes.full, view);
        const cost = (field ? overlap(rect, field) * 100 : 0) + avoid.content.reduce((sum, r) => sum + overlap(rect, r), 0);
        if (cost === 0) return place;
        if (!best || cost < best.cost) best = { place, cost };
      }
    }
  }
  return best!.place;
}

/**
 * The part of the page next to the field that counts as its last lines: `block` (the element
 * found just beyond the field, toward the middle of the window) clipped to at most `reach` pixels
 * from the field, plus a band of `band` pixels right beside the field even when nothing was found
 * (a gap between the last message and the input).
 */
export function besideField(field: Rect, view: Size, blocks: readonly Rect[], reach: number, band: number): Rect[] {
  const above = field.top + field.bottom > view.height;
  const near = above ? { top: field.top - reach, bottom: field.top } : { top: field.bottom, bottom: field.bottom + reach };
  const clipped = blocks
    .map((b) => ({ left: b.left, right: b.right, top: Math.max(b.top, near.top), bottom: Math.min(b.bottom, near.bottom) }))
    .filter((b) => b.bottom > b.top && b.right > b.left);
  const strip = above ? { top: field.top - band, bottom: field.top } : { top: field.bottom, bottom: field.bottom + band };
  return [...clipped, { left: field.left, right: field.right, ...strip }];
}
