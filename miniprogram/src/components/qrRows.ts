import { create } from 'qrcode';

/** A horizontal run of same-coloured modules in one row of a QR code. */
export interface QrRun {
  dark: boolean;
  length: number;
}

/** A QR code's module matrix as rows of runs, ready to draw as boxes. */
export interface QrRows {
  /** Modules per side (without the quiet zone). */
  size: number;
  rows: QrRun[][];
}

/**
 * `text` as UTF-8 bytes, by hand: qrcode would use TextEncoder for a string, and the
 * WeChat mini-program runtime does not reliably have one.
 */
export function utf8Bytes(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    if (point < 0x80) bytes.push(point);
    else if (point < 0x800) bytes.push(0xc0 | (point >> 6), 0x80 | (point & 0x3f));
    else if (point < 0x10000) bytes.push(0xe0 | (point >> 12), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
    else bytes.push(0xf0 | (point >> 18), 0x80 | ((point >> 12) & 0x3f), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
  }
  return Uint8Array.from(bytes);
}

/**
 * Encodes `text` as one byte segment (error correction M: survives a scratched screen, stays a small symbol
 * for a ~45-character card code) and merges neighbouring modules of one colour into runs,
 * so a 33×33 symbol becomes a few hundred boxes instead of a thousand: weapp sends every
 * node through setData, so fewer nodes means a faster refresh.
 */
export function qrRows(text: string): QrRows {
  const { modules } = create([{ mode: 'byte', data: utf8Bytes(text) }], { errorCorrectionLevel: 'M' });
  const rows: QrRun[][] = [];
  for (let row = 0; row < modules.size; row += 1) {
    const runs: QrRun[] = [];
    for (let col = 0; col < modules.size; col += 1) {
      const dark = modules.get(row, col) === 1;
      const last = runs[runs.length - 1];
      if (last && last.dark === dark) last.length += 1;
      else runs.push({ dark, length: 1 });
    }
    rows.push(runs);
  }
  return { size: modules.size, rows };
}
