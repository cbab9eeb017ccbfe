// Draws the toolbar and store icons (a white lens on Finlens blue) as PNGs at 16, 32, 48 and 128 px. Run with
// `npm run icons` after changing the design; the PNGs are committed, so packaging needs nothing but Node.
import { writeFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { crc32 } from './crc32.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const ICON_SIZES = [16, 32, 48, 128];
const BLUE = [0x1f, 0x5f, 0xd1];
const WHITE = [0xff, 0xff, 0xff];

/** Distance from point p to the segment a-b, all in the unit square. */
function segmentDistance([px, py], [ax, ay], [bx, by]) {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** The colour at a point of the unit square, or null outside the rounded tile. */
function colourAt(x, y) {
  const r = 0.19;
  const cx = Math.min(Math.max(x, r + 0.03), 0.97 - r);
  const cy = Math.min(Math.max(y, r + 0.03), 0.97 - r);
  if (Math.hypot(x - cx, y - cy) > r) return null;
  const ring = Math.abs(Math.hypot(x - 0.44, y - 0.44) - 0.25) < 0.05;
  const handle = segmentDistance([x, y], [0.64, 0.64], [0.83, 0.83]) < 0.065;
  const line = segmentDistance([x, y], [0.3, 0.52], [0.4, 0.42]) < 0.03 || segmentDistance([x, y], [0.4, 0.42], [0.47, 0.49]) < 0.03
    || segmentDistance([x, y], [0.47, 0.49], [0.59, 0.35]) < 0.03;
  return ring || handle || line ? WHITE : BLUE;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGBA PNG of the icon, each pixel averaged over 4x4 samples so small sizes stay smooth. */
export function iconPng(size) {
  const samples = 4;
  const rows = [];
  for (let py = 0; py < size; py += 1) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          colour.forEach((value, i) => { sum[i] += value; });
          sum[3] += 255;
        }
      }
      const covered = sum[3] / 255;
      const pixel = covered ? [sum[0] / covered, sum[1] / covered, sum[2] / covered, sum[3] / samples ** 2] : [0, 0, 0, 0];
      pixel.forEach((value, i) => { row[1 + px * 4 + i] = Math.round(value); });
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const size of ICON_SIZES) {
    await writeFile(path.join(root, `icons/icon-${size}.png`), iconPng(size));
    console.log(`icons/icon-${size}.png`);
  }
}
