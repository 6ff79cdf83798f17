/**
 * Draws the site's mark (the same shapes as src/app/icon.svg and the header's logo) into src/app/favicon.ico, for
 * browsers and tools that ask for /favicon.ico. Run it again after changing the mark: `npx tsx scripts/make-favicon.ts`.
 * No image library: the shapes are two primitives, rasterised with 4×4 supersampling and written as PNGs in an ICO.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";

const ACCENT = [0x43, 0x38, 0xca] as const;
const INK = [0xff, 0xff, 0xff] as const;
/** In the SVG's 32×32 units. */
const RADIUS = 7;
const STROKE = 2.6;
const PATH = [
  [8, 22],
  [8, 10],
  [16, 17],
  [24, 10],
  [24, 22],
] as const;
const SIZES = [16, 32, 48];
const SAMPLES = 4;

function insideRoundedSquare(x: number, y: number): boolean {
  const cx = Math.min(Math.max(x, RADIUS), 32 - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), 32 - RADIUS);
  return x >= 0 && x <= 32 && y >= 0 && y <= 32 && (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

function distanceToPath(x: number, y: number): number {
  let best = Infinity;
  for (let i = 0; i < PATH.length - 1; i++) {
    const [ax, ay] = PATH[i]!;
    const [bx, by] = PATH[i + 1]!;
    const t = Math.max(
      0,
      Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
    );
    best = Math.min(best, Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))));
  }
  return best;
}

function pixels(size: number): Buffer {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = ((px + (sx + 0.5) / SAMPLES) * 32) / size;
          const y = ((py + (sy + 0.5) / SAMPLES) * 32) / size;
          if (!insideRoundedSquare(x, y)) continue;
          const color = distanceToPath(x, y) <= STROKE / 2 ? INK : ACCENT;
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
      const at = (py * size + px) * 4;
      if (a > 0) rgba.set([Math.round(r / a), Math.round(g / a), Math.round(b / a)], at);
      rgba[at + 3] = Math.round((255 * a) / SAMPLES ** 2);
    }
  }
  return rgba;
}

function png(size: number): Buffer {
  const rgba = pixels(size);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const images = SIZES.map(png);
const directory = Buffer.alloc(6 + 16 * images.length);
directory.writeUInt16LE(0, 0);
directory.writeUInt16LE(1, 2); // icon
directory.writeUInt16LE(images.length, 4);
let offset = directory.length;
images.forEach((image, i) => {
  const entry = 6 + 16 * i;
  directory[entry] = SIZES[i]! % 256;
  directory[entry + 1] = SIZES[i]! % 256;
  directory.writeUInt16LE(1, entry + 4); // colour planes
  directory.writeUInt16LE(32, entry + 6); // bits per pixel
  directory.writeUInt32LE(image.length, entry + 8);
  directory.writeUInt32LE(offset, entry + 12);
  offset += image.length;
});
const target = path.resolve(import.meta.dirname, "../src/app/favicon.ico");
writeFileSync(target, Buffer.concat([directory, ...images]));
console.log(`Wrote ${path.relative(process.cwd(), target)} (${SIZES.join(", ")} px).`);
