/**
 * Draws the tray icons (connection state × mode) as PNGs into resources/tray. Colour says the state
 * (green connected, amber degraded, red down); shape says the mode (ring paper, disc live, square
 * demo), so the icons stay distinguishable for colour-blind users. Run: npx tsx scripts/make-tray-icons.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgb = [number, number, number];
const STATES: Record<string, Rgb> = { connected: [26, 127, 55], degraded: [212, 153, 34], down: [207, 34, 46] };
const MODES = ['demo', 'paper', 'live'] as const;

/** Coverage of a pixel by the mode's shape, 0..1, sampled 4×4 for smooth edges. */
function coverage(mode: (typeof MODES)[number], x: number, y: number, size: number): number {
  let hits = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const u = (x + (sx + 0.5) / 4) / size - 0.5;
      const v = (y + (sy + 0.5) / 4) / size - 0.5;
      const r = Math.hypot(u, v);
      const inside =
        mode === 'live'
          ? r <= 0.44
          : mode === 'paper'
            ? r <= 0.44 && r >= 0.26
            : Math.max(Math.abs(u), Math.abs(v)) <= 0.38 && !(Math.abs(u) < 0.16 && Math.abs(v) < 0.16);
      if (inside) hits++;
    }
  }
  return hits / 16;
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      Buffer.from(pixel(x, y)).copy(raw, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const dir = new URL('../resources/tray/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [state, [r, g, b]] of Object.entries(STATES)) {
  for (const mode of MODES) {
    for (const [size, suffix] of [
      [16, ''],
      [32, '@2x'],
    ] as const) {
      const image = png(size, (x, y) => [r, g, b, Math.round(255 * coverage(mode, x, y, size))]);
      writeFileSync(new URL(`${state}-${mode}${suffix}.png`, dir), image);
    }
  }
}
