import { deflateSync } from 'node:zlib';
import QRCode from 'qrcode';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A QR code of `text` as an 8-bit greyscale PNG at least `width` pixels wide (whole pixels per
 * module, 2-module quiet zone). The matrix comes from `qrcode`; the PNG is written here with
 * native zlib because qrcode's pure-JS PNG path takes over a second per image under Jest.
 */
export function renderQrPng(text: string, width: number): Buffer {
  const matrix = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const margin = 2;
  const modules = matrix.size + margin * 2;
  const scale = Math.max(1, Math.ceil(width / modules));
  const side = modules * scale;
  const raw = Buffer.alloc((side + 1) * side, 0xff);
  for (let y = 0; y < side; y += 1) {
    const rowStart = y * (side + 1);
    raw[rowStart] = 0; // filter type: none
    const row = Math.floor(y / scale) - margin;
    if (row < 0 || row >= matrix.size) continue;
    for (let x = 0; x < side; x += 1) {
      const col = Math.floor(x / scale) - margin;
      if (col >= 0 && col < matrix.size && matrix.get(row, col)) raw[rowStart + 1 + x] = 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
