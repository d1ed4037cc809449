/** The largest amount a till accepts, in fen (one million yuan; the server refuses more). */
export const MAX_AMOUNT_FEN = 100_000_000;

/**
 * Yuan typed by a clerk ("12", "12.5", "¥12.50") as integer fen, parsed from the text so
 * that no floating point ever touches money (0.1 + 0.2 style errors). Null when the text
 * is not an amount with at most two decimals, or is above {@link MAX_AMOUNT_FEN}.
 */
export function parseYuan(text: string): number | null {
  const match = /^[¥￥]?\s*(\d{1,7})(?:\.(\d{0,2}))?$/.exec(text.trim());
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_AMOUNT_FEN ? fen : null;
}
