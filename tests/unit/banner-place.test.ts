import { describe, expect, it } from 'vitest';
import { bannerRect, besideField, chooseBannerPlace, type Rect } from '../../src/core/warning/banner-place.ts';

const view = { width: 1000, height: 800 };
const sizes = { full: { width: 600, height: 110 }, compact: { width: 600, height: 36 } };
const rect = (left: number, top: number, right: number, bottom: number): Rect => ({ left, top, right, bottom });
const intersects = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('where the in-page warning goes', () => {
  it('top right when nothing is in the way, or the field sits in the lower half (a chat input)', () => {
    expect(chooseBannerPlace(view, sizes, { content: [] })).toEqual({ edge: 'top', side: 'right', compact: false });
    expect(chooseBannerPlace(view, sizes, { field: rect(200, 680, 800, 780), content: [rect(200, 560, 800, 670)] })).toEqual({ edge: 'top', side: 'right', compact: false });
  });

  it('at the bottom when the field is at the top, whatever the default would cover', () => {
    expect(chooseBannerPlace(view, sizes, { field: rect(100, 10, 900, 90), content: [] })).toEqual({ edge: 'bottom', side: 'right', compact: false });
    // A field in the top half but clear of the top edge: the bottom still comes first.
    expect(chooseBannerPlace(view, sizes, { field: rect(100, 300, 900, 380), content: [] }).edge).toBe('bottom');
  });

  it('to the left, then shrunk to one line, when the full banner would cover the last message', () => {
    // The last message (a bubble on the right) reaches up to y=100: the full banner (12..122) on the right would cover it.
    const field = rect(0, 680, 1000, 780);
    expect(chooseBannerPlace(view, sizes, { field, content: [rect(700, 100, 1000, 670)] })).toEqual({ edge: 'top', side: 'left', compact: false });
    // Across the whole width: only the one-line banner (12..48) fits above it.
    expect(chooseBannerPlace(view, sizes, { field, content: [rect(0, 100, 1000, 670)] })).toEqual({ edge: 'top', side: 'right', compact: true });
  });

  it('shrunk from the start in a small window, where the full banner would take more than a quarter of it', () => {
    expect(chooseBannerPlace({ width: 390, height: 400 }, sizes, { content: [] })).toEqual({ edge: 'top', side: 'right', compact: true });
    expect(chooseBannerPlace({ width: 390, height: 440 }, sizes, { content: [] })).toEqual({ edge: 'top', side: 'right', compact: false });
  });

  it('when nothing fits, covers the least: shrunk, and at the edge where it covers no page text', () => {
    const field = rect(0, 40, 1000, 760);
    const place = chooseBannerPlace(view, sizes, { field, content: [rect(0, 0, 1000, 40)] });
    // Shrunk, it covers 8 px of the field at either edge; at the top it would cover the text above too.
    expect(place).toEqual({ edge: 'bottom', side: 'right', compact: true });
    const banner = bannerRect(place, sizes.compact, view);
    expect(field.bottom - banner.top).toBe(8);
  });

  it('never intersects what it avoids when a place is free (random layouts)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 500; i++) {
      const top = Math.floor(rnd() * 700);
      const field = rect(50, top, 950, top + 40 + Math.floor(rnd() * 60));
      const content = besideField(field, view, [rect(50, 0, 950, 800)], view.height * 0.4, 48);
      const place = chooseBannerPlace(view, sizes, { field, content });
      const banner = bannerRect(place, place.compact ? sizes.compact : sizes.full, view);
      const free = [false, true].some((compact) =>
        (['top', 'bottom'] as const).some((edge) => ![field, ...content].some((r) => intersects(bannerRect({ edge, side: 'right', compact }, compact ? sizes.compact : sizes.full, view), r))),
      );
      if (free) expect([field, ...content].filter((r) => intersects(banner, r))).toEqual([]);
    }
  });

  it("counts the page's last lines: the block beside the field, at most `reach` from it, and a strip even when none was found", () => {
    // A field at the bottom: the block above it, clipped to 320 px above the field.
    expect(besideField(rect(0, 700, 1000, 780), view, [rect(0, 0, 1000, 690)], 320, 48)).toEqual([rect(0, 380, 1000, 690), rect(0, 652, 1000, 700)]);
    // A field at the top: below it. A block out of reach is left out.
    expect(besideField(rect(0, 20, 1000, 80), view, [rect(0, 90, 500, 200), rect(0, 600, 1000, 700)], 320, 48)).toEqual([rect(0, 90, 500, 200), rect(0, 80, 1000, 128)]);
  });
});
