// Draws the tab bar icons (81x81 PNG, the size WeChat recommends) and the H5 favicon from
// signed distance functions, so they are reproducible and need no design tool. Output is
// committed; rerun after changing a shape or colour: `node miniprogram/scripts/drawIcons.mjs`.
// Tab bars of mini-programs accept only local bitmaps (no SVG, no icon fonts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const SIZE = 81;
const STROKE = 6;
const ASSETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/assets');
const OUT_DIR = path.join(ASSETS_DIR, 'tabbar');
// Same values as src/theme.ts: inkSoft for idle tabs, brandDeep for the selected one.
const COLORS = { idle: [0x9a, 0x7b, 0x66], active: [0xe8, 0x64, 0x2a], brand: [0xff, 0x8a, 0x3d], white: [0xff, 0xff, 0xff] };

const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const roundBox = (cx, cy, hw, hh, r) => (x, y) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - w / 2;
};
const stroke = (shape, w = STROKE) => (x, y) => Math.abs(shape(x, y)) - w / 2;
const union = (...shapes) => (x, y) => Math.min(...shapes.map((s) => s(x, y)));
const subtract = (a, b) => (x, y) => Math.max(a(x, y), -b(x, y));
const intersect = (a, b) => (x, y) => Math.max(a(x, y), b(x, y));

const c = SIZE / 2;
const ICONS = {
  // A member card with a stripe and a name line.
  card: union(
    stroke(roundBox(c, c, 30, 21, 7)),
    roundBox(c, c - 7, 28, 3, 0),
    segment(22, c + 9, 38, c + 9, STROKE),
  ),
  // A rounded ballot with a tick.
  polls: union(stroke(roundBox(c, c, 25, 25, 9)), segment(27, 41, 36, 50, STROKE), segment(36, 50, 54, 31, STROKE)),
  // A teddy bear's face: the toy corner.
  corner: union(
    stroke(circle(c, 45, 22)),
    subtract(circle(21, 24, 10), circle(c, 45, 25)),
    subtract(circle(60, 24, 10), circle(c, 45, 25)),
    circle(32, 41, 3.5),
    circle(49, 41, 3.5),
    roundBox(c, 52, 5, 3.5, 3.5),
  ),
  // A person: head and shoulders.
  mine: union(
    stroke(circle(c, 27, 13)),
    intersect(stroke(roundBox(c, 72, 25, 20, 18)), (_x, y) => y - 68),
  ),
};

// The favicon (64x64): a white teddy face on a tangerine tile, the eyes and nose cut out.
const FAVICON_SIZE = 64;
const FAVICON_LAYERS = [
  { shape: roundBox(32, 32, 32, 32, 14), color: COLORS.brand },
  {
    shape: subtract(
      union(circle(32, 36, 18), circle(16, 19, 8), circle(48, 19, 8)),
      union(circle(25, 33, 3), circle(39, 33, 3), roundBox(32, 42, 4.5, 3, 3)),
    ),
    color: COLORS.white,
  },
];

/** Paints layers (back to front) of signed-distance shapes into a transparent PNG. */
function draw(size, layers) {
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const i = (y * size + x) * 4;
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const { shape, color } of layers) {
        // Pixel-centre distance gives a one-pixel anti-aliased edge.
        const coverage = Math.max(0, Math.min(1, 0.5 - shape(x + 0.5, y + 0.5)));
        if (coverage === 0) continue;
        const outA = coverage + a * (1 - coverage);
        [r, g, b] = [0, 1, 2].map((k) => (color[k] * coverage + [r, g, b][k] * a * (1 - coverage)) / outA);
        a = outA;
      }
      png.data[i] = Math.round(r);
      png.data[i + 1] = Math.round(g);
      png.data[i + 2] = Math.round(b);
      png.data[i + 3] = Math.round(a * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

fs.mkdirSync(OUT_DIR, { recursive: true });
for (const [name, shape] of Object.entries(ICONS)) {
  fs.writeFileSync(path.join(OUT_DIR, `${name}.png`), draw(SIZE, [{ shape, color: COLORS.idle }]));
  fs.writeFileSync(path.join(OUT_DIR, `${name}-active.png`), draw(SIZE, [{ shape, color: COLORS.active }]));
}
fs.writeFileSync(path.join(ASSETS_DIR, 'favicon.png'), draw(FAVICON_SIZE, FAVICON_LAYERS));
console.log(`icons written to ${ASSETS_DIR}`);
