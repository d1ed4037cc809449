/** A price in fen as parents read it: `¥599.00`. */
export function formatFen(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = String(fen % 100).padStart(2, '0');
  return `¥${yuan.toLocaleString('en-US')}.${cents}`;
}
