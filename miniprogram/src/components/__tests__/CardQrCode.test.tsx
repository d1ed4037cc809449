import { render } from '@testing-library/react';
import jsQR from 'jsqr';
import { CardQrCode } from '../CardQrCode';
import { utf8Bytes } from '../qrRows';

const MODULE_PX = 4;
const QUIET_MODULES = 4;

/**
 * Paints what the component rendered (rows of runs, widths from flex-grow) into RGBA
 * pixels, so a real decoder can read it: the test fails if the boxes do not form the code.
 */
function paintRendered(container: HTMLElement): { data: Uint8ClampedArray; width: number } {
  const rows = Array.from(container.querySelectorAll<HTMLElement>('.card-qr__row'));
  const size = rows.length;
  const side = (size + 2 * QUIET_MODULES) * MODULE_PX;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  rows.forEach((row, rowIndex) => {
    let col = 0;
    for (const run of Array.from(row.children) as HTMLElement[]) {
      const length = Number(run.style.flexGrow);
      if (run.classList.contains('card-qr__run--dark')) {
        for (let c = col; c < col + length; c += 1) {
          for (let dy = 0; dy < MODULE_PX; dy += 1) {
            for (let dx = 0; dx < MODULE_PX; dx += 1) {
              const x = (c + QUIET_MODULES) * MODULE_PX + dx;
              const y = (rowIndex + QUIET_MODULES) * MODULE_PX + dy;
              data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
            }
          }
        }
      }
      col += length;
    }
    expect(col).toBe(size);
  });
  return { data, width: side };
}

describe('CardQrCode', () => {
  it('draws a QR code that decodes back to the card code, and keeps the code as text', () => {
    const code = 'm2s.1kq9x0m.AbC-dE_f.0123456789abcdefghijkl';
    const { container } = render(<CardQrCode code={code} />);
    const { data, width } = paintRendered(container);
    expect(jsQR(data, width, width)?.data).toBe(code);
    expect(document.getElementById('card-code-text')?.textContent).toBe(code);
    expect(document.getElementById('card-qr')?.getAttribute('aria-label')).toBe('会员码二维码');
  });

  it('redraws when the code rotates', () => {
    const { container, rerender } = render(<CardQrCode code="m1.aaaa.bbbbbbbb.first" />);
    rerender(<CardQrCode code="m1.aaab.cccccccc.second" />);
    const { data, width } = paintRendered(container);
    expect(jsQR(data, width, width)?.data).toBe('m1.aaab.cccccccc.second');
  });
});

describe('utf8Bytes', () => {
  it('encodes like TextEncoder, without needing one', () => {
    const text = 'm1.码-😀é';
    expect(Array.from(utf8Bytes(text))).toEqual(Array.from(Buffer.from(text, 'utf8')));
  });
});
