// Draws media/icon.png (128x128): a magnifying lens over a port socket.
// Kept as a script so the icon can be regenerated without an image editor.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const size = 128;
const px = Buffer.alloc(size * size * 4);
const set = (x, y, [r, g, b, a]) => {
  if (x < 0 || y < 0 || x >= size || y >= size) return;
  const i = (y * size + x) * 4;
  const alpha = a / 255;
  px[i] = Math.round(r * alpha + px[i] * (1 - alpha));
  px[i + 1] = Math.round(g * alpha + px[i + 1] * (1 - alpha));
  px[i + 2] = Math.round(b * alpha + px[i + 2] * (1 - alpha));
  px[i + 3] = Math.max(px[i + 3], a);
};
const navy = [24, 44, 84, 255];
const teal = [32, 178, 170, 255];
const white = [255, 255, 255, 255];
// Rounded square background.
for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
  const r = 22;
  const cx = Math.min(Math.max(x, r), size - 1 - r);
  const cy = Math.min(Math.max(y, r), size - 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 <= r * r) set(x, y, navy);
}
// Lens ring and handle.
const lx = 54, ly = 54;
for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
  const d = Math.hypot(x - lx, y - ly);
  if (d <= 30) set(x, y, [40, 70, 120, 255]);
  if (d > 30 && d <= 38) set(x, y, teal);
  // Handle along the diagonal.
  const t = ((x - lx) + (y - ly)) / 2;
  const off = Math.abs((x - lx) - (y - ly)) / Math.SQRT2;
  if (t > 30 && t < 62 && off < 7) set(x, y, teal);
}
// A port socket inside the lens: a rectangle with two pins.
for (let y = 44; y <= 64; y++) for (let x = 38; x <= 70; x++) {
  const edge = y < 47 || y > 61 || x < 41 || x > 67;
  set(x, y, edge ? white : [40, 70, 120, 255]);
}
for (let y = 49; y <= 56; y++) for (const x0 of [47, 58]) for (let x = x0; x < x0 + 4; x++) set(x, y, white);

const raw = Buffer.alloc((size * 4 + 1) * size);
for (let y = 0; y < size; y++) {
  raw[y * (size * 4 + 1)] = 0;
  px.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(size, 0);
ihdr.writeUInt32BE(size, 4);
ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'media', 'icon.png');
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
