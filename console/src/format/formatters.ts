const dateTime = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An ISO time as 2026/12/01 20:45 in the browser's time zone; '—' for none. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

/** Fen as ¥1,234.50. */
export function formatYuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** A 0–1 rate as 12.3%; '—' when there is none. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** A difference of rates in percentage points, signed: +5.0 个百分点. */
export function formatPoints(difference: number | null): string {
  if (difference === null) return '—';
  const points = difference * 100;
  return `${points >= 0 ? '+' : ''}${points.toFixed(1)} 个百分点`;
}
