// The web app's icon, drawn at build time as a PNG (no image files kept in
// the repository): the title bar's blue, three white bars rising, like the
// form's chart, inside the middle of the square so a mask (a circle, a
// rounded square) never cuts them.

import { deflateSync } from "node:zlib";

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A `size` × `size` PNG of the icon. */
export function iconPng(size) {
  const blue = [0x12, 0x4e, 0x89];
  const gold = [0xf2, 0xa9, 0x00];
  // Bars as fractions of the side: [left, right, top], all on one baseline.
  const bars = [[0.3, 0.4, 0.58], [0.45, 0.55, 0.45], [0.6, 0.7, 0.32]];
  const base = 0.7;
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x += 1) {
      const fx = (x + 0.5) / size;
      const fy = (y + 0.5) / size;
      let colour = blue;
      if (bars.some(([l, r, t]) => fx >= l && fx < r && fy >= t && fy < base)) colour = [0xff, 0xff, 0xff];
      if (fx >= 0.26 && fx < 0.74 && fy >= base && fy < base + 0.035) colour = gold;
      row[1 + x * 3] = colour[0];
      row[2 + x * 3] = colour[1];
      row[3 + x * 3] = colour[2];
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
