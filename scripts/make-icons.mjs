#!/usr/bin/env node
// Draws the toolbar/store icon (a shield with a globe meridian) at each size the manifest names
// and writes PNGs to assets/icons/. Run by hand when the design changes; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const SIZES = [16, 32, 48, 128];
const SS = 4; // supersampling per axis, for smooth edges

function insideShield(x, y) {
  // x, y in [0,1]. Flat top with rounded shoulders, straight sides, curved point at the bottom.
  if (y < 0.06 || y > 0.96) return false;
  const half = y < 0.52 ? 0.4 : 0.4 * Math.sqrt(Math.max(0, 1 - ((y - 0.52) / 0.44) ** 2));
  return Math.abs(x - 0.5) <= half;
}

function colourAt(x, y) {
  if (!insideShield(x, y)) return null;
  const dx = x - 0.5, dy = y - 0.46, r = Math.hypot(dx, dy);
  // White globe: a ring, an equator and one meridian ellipse.
  const ring = Math.abs(r - 0.22) < 0.035;
  const equator = Math.abs(dy) < 0.03 && r < 0.22;
  const meridian = Math.abs(Math.hypot(dx / 0.45, dy) - 0.22) < 0.03 && r < 0.24;
  if (ring || equator || meridian) return [255, 255, 255];
  return x < 0.5 ? [26, 86, 219] : [20, 66, 170];
}

function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) for (let sx = 0; sx < SS; sx++) {
        const c = colourAt((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
        if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      raw[o] = a ? r / a : 0; raw[o + 1] = a ? g / a : 0; raw[o + 2] = a ? b / a : 0;
      raw[o + 3] = Math.round((255 * a) / (SS * SS));
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

mkdirSync(new URL('../assets/icons/', import.meta.url), { recursive: true });
for (const size of SIZES) writeFileSync(new URL(`../assets/icons/icon-${size}.png`, import.meta.url), png(size));
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(', ')} to assets/icons/`);
