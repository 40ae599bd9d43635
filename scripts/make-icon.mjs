// Draws images/icon.png (128x128, the Marketplace icon): a lens over a checked key slot, on blue.
// Plain node (zlib for PNG), 4x4 supersampling for smooth edges. Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const SS = 4;
const BG = [11, 92, 171];
const WHITE = [255, 255, 255];
const GREEN = [46, 204, 113];

/** Colour of a sample point (x, y in 0..128), or null for transparent. */
function sample(x, y) {
  // Rounded square background, radius 24.
  const r = 24;
  const cx = Math.min(Math.max(x, r), N - r);
  const cy = Math.min(Math.max(y, r), N - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // Lens ring centred at (54, 54), outer 36, inner 27.
  const d = Math.hypot(x - 54, y - 54);
  if (d <= 36 && d >= 27) return WHITE;
  // Handle: a thick segment from (80, 80) to (106, 106).
  const t = Math.max(0, Math.min(1, ((x - 80) * 26 + (y - 80) * 26) / (26 * 26 * 2)));
  const px = 80 + 26 * t;
  const py = 80 + 26 * t;
  if (Math.hypot(x - px, y - py) <= 8) return WHITE;
  // Check mark inside the lens: two strokes (40,56)->(50,66)->(69,44).
  const seg = (ax, ay, bx, by, w) => {
    const vx = bx - ax;
    const vy = by - ay;
    const k = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
    return Math.hypot(x - (ax + vx * k), y - (ay + vy * k)) <= w;
  };
  if (seg(40, 55, 50, 65, 4.5) || seg(50, 65, 69, 43, 4.5)) return GREEN;
  return BG;
}

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  for (let x = 0; x < N; x++) {
    let rr = 0, gg = 0, bb = 0, aa = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const c = sample(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS);
        if (!c) continue;
        rr += c[0];
        gg += c[1];
        bb += c[2];
        aa++;
      }
    }
    const o = y * (N * 4 + 1) + 1 + x * 4;
    raw[o] = aa ? Math.round(rr / aa) : 0;
    raw[o + 1] = aa ? Math.round(gg / aa) : 0;
    raw[o + 2] = aa ? Math.round(bb / aa) : 0;
    raw[o + 3] = Math.round((aa / (SS * SS)) * 255);
  }
}

const crcTable = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
const crc32 = (buf) => {
  let c = -1;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
