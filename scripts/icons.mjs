// Draws Hearth's toolbar icons (a warm flame in a rounded square) as PNGs.
// Run once with `node scripts/icons.mjs`; the PNGs are committed under public/icons.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const png = (size, rgba) => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

// Shapes in unit coordinates (0..1).
const roundedSquare = (x, y) => {
  const r = 0.22, m = 0.03;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
// A flame: a circle at the bottom that narrows to a point at the top.
const flame = (x, y, s = 1, oy = 0) => {
  const cx = 0.5, cy = 0.62 + oy, r = 0.2 * s;
  if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) return true;
  const top = cy - 0.42 * s;
  if (y < top || y > cy) return false;
  const t = (y - top) / (cy - top); // 0 at the tip, 1 at the circle's centre
  const half = r * Math.sqrt(t) * (1 - 0.15 * (1 - t));
  return Math.abs(x - cx + 0.06 * s * (1 - t)) <= half;
};

const draw = (size) => {
  const buf = Buffer.alloc(size * size * 4);
  const ss = 4; // supersampling for smooth edges
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0, outer = 0, inner = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          if (!roundedSquare(x, y)) continue;
          bg++;
          if (flame(x, y, 0.55, 0.08)) inner++;
          else if (flame(x, y)) outer++;
        }
      }
      const n = ss * ss;
      // Deep evening blue, a cream flame with an amber heart.
      const colours = [[0x2b, 0x3a, 0x55], [0xff, 0xe8, 0xc2], [0xf0, 0x8a, 0x3c]];
      const w = [bg - outer - inner, outer, inner];
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        buf[i + c] = bg ? Math.round((colours[0][c] * w[0] + colours[1][c] * w[1] + colours[2][c] * w[2]) / bg) : 0;
      }
      buf[i + 3] = Math.round((bg / n) * 255);
    }
  }
  return png(size, buf);
};

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, draw(size));
console.log('icons written to public/icons');
