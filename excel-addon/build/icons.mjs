// The add-in's icons, drawn at build time at every size the manifest declares, so no binary files live in
// the repository and every size is crisp (a shape scaled per size, not one bitmap resampled). Each icon is
// a rounded tile in the brand colour with a white glyph that hints at the command.
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];

const BRAND = [0x1f, 0x6f, 0x5c];

/** Glyphs in unit coordinates (0..1): true where the pixel is white. */
const GLYPHS = {
  // Three bars, tallest first: a ranked backlog.
  prioritize: (x, y) => inBox(x, y, 0.2, 0.25, 0.8, 0.38) || inBox(x, y, 0.2, 0.45, 0.65, 0.58) || inBox(x, y, 0.2, 0.65, 0.5, 0.78),
  // Two filled columns in a frame: capacity filled up.
  plan: (x, y) => frame(x, y, 0.18, 0.2, 0.82, 0.8, 0.07) || inBox(x, y, 0.3, 0.45, 0.45, 0.7) || inBox(x, y, 0.55, 0.32, 0.7, 0.7),
  // A check mark: targets met.
  scorecard: (x, y) => nearSegment(x, y, 0.22, 0.52, 0.42, 0.72, 0.08) || nearSegment(x, y, 0.42, 0.72, 0.78, 0.3, 0.08),
  // A plus: add the quarterly plan.
  insert: (x, y) => inBox(x, y, 0.44, 0.2, 0.56, 0.8) || inBox(x, y, 0.2, 0.44, 0.8, 0.56),
  // An arrow leaving a box: share the one-pager.
  share: (x, y) => nearSegment(x, y, 0.35, 0.65, 0.75, 0.25, 0.07) || inBox(x, y, 0.55, 0.2, 0.8, 0.3) || inBox(x, y, 0.7, 0.2, 0.8, 0.45) || frame(x, y, 0.2, 0.35, 0.62, 0.8, 0.07),
  // The add-in itself: the playbook's bars.
  app: (x, y) => inBox(x, y, 0.22, 0.5, 0.36, 0.78) || inBox(x, y, 0.43, 0.36, 0.57, 0.78) || inBox(x, y, 0.64, 0.22, 0.78, 0.78),
};

export const ICON_NAMES = Object.keys(GLYPHS);

function inBox(x, y, x0, y0, x1, y1) {
  return x >= x0 && x <= x1 && y >= y0 && y <= y1;
}
function frame(x, y, x0, y0, x1, y1, t) {
  return inBox(x, y, x0, y0, x1, y1) && !inBox(x, y, x0 + t, y0 + t, x1 - t, y1 - t);
}
function nearSegment(x, y, x0, y0, x1, y1, w) {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy)) <= w;
}

/** RGBA pixels of one icon; 4× supersampling keeps small sizes from looking jagged. */
function pixels(glyph, size) {
  const out = Buffer.alloc(size * size * 4);
  const S = 4;
  const radius = 0.18;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let tile = 0;
      let white = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / size;
          const y = (py + (sy + 0.5) / S) / size;
          const cx = Math.min(Math.max(x, radius), 1 - radius);
          const cy = Math.min(Math.max(y, radius), 1 - radius);
          if (Math.hypot(x - cx, y - cy) > radius) continue;
          tile++;
          if (glyph(x, y)) white++;
        }
      }
      const i = (py * size + px) * 4;
      const w = tile ? white / tile : 0;
      for (let k = 0; k < 3; k++) out[i + k] = Math.round(BRAND[k] * (1 - w) + 255 * w);
      out[i + 3] = Math.round((255 * tile) / (S * S));
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A PNG file (8-bit RGBA) of the named icon at size × size pixels. */
export function iconPng(name, size) {
  const rgba = pixels(GLYPHS[name], size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
