#!/usr/bin/env node
// Draws the add-in's icons (a white bar chart on a blue tile) and writes them as PNGs with a tiny
// encoder over node:zlib, so no image tooling is needed. Run once; the PNGs are committed.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
/** RGBA pixels (size×size×4) → PNG bytes. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function draw(size) {
  const px = Buffer.alloc(size * size * 4);
  const set = (x, y, [r, g, b, a]) => { const i = (y * size + x) * 4; px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = a; };
  const blue = [0x1f, 0x38, 0x64, 255];
  const white = [255, 255, 255, 255];
  const radius = size / 6;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    // Rounded tile.
    const dx = Math.max(radius - x - 0.5, x + 0.5 - (size - radius), 0);
    const dy = Math.max(radius - y - 0.5, y + 0.5 - (size - radius), 0);
    if (dx * dx + dy * dy <= radius * radius) set(x, y, blue);
  }
  // Three bars rising left to right.
  const base = Math.round(size * 0.8);
  const w = Math.max(1, Math.round(size * 0.16));
  const bars = [[0.2, 0.35], [0.42, 0.55], [0.64, 0.75]];
  for (const [left, h] of bars) {
    const x0 = Math.round(size * left);
    const top = base - Math.round(size * h * 0.75);
    for (let y = top; y < base; y++) for (let x = x0; x < x0 + w; x++) set(x, y, white);
  }
  return encodePng(size, px);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = new URL('.', import.meta.url).pathname;
  for (const s of [16, 32, 64, 80]) writeFileSync(`${dir}icon-${s}.png`, draw(s));
  console.log('wrote assets/icon-{16,32,64,80}.png');
}
