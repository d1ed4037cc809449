/** A child's or toy's age in months, as parents say it: `8个月`, `3岁`, `3岁2个月`. */
export function formatAgeMonths(months: number): string {
  if (months < 24 && months % 12 !== 0) return `${months}个月`;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  return rest === 0 ? `${years}岁` : `${years}岁${rest}个月`;
}

/** The upper bound of a range: 83 months reads as `6岁` (the whole seventh year), 36 as `36个月`. */
function formatUpperBound(months: number): string {
  if ((months + 1) % 12 === 0) return `${(months + 1) / 12 - 1}岁`;
  return `${months}个月`;
}

/** A toy's age range as printed on the box: `3-6岁`, `3岁以上`, `6岁以下`, `不限年龄`. */
export function formatAgeRange(minAgeMonths: number | null, maxAgeMonths: number | null): string {
  if (minAgeMonths === null && maxAgeMonths === null) return '不限年龄';
  if (maxAgeMonths === null) return `${formatAgeMonths(minAgeMonths ?? 0)}以上`;
  if (minAgeMonths === null || minAgeMonths === 0) return `${formatUpperBound(maxAgeMonths)}以下`;
  const upper = formatUpperBound(maxAgeMonths);
  const lower = formatAgeMonths(minAgeMonths);
  // "3-6岁" rather than "3岁-6岁" when both ends are whole years.
  if (lower.endsWith('岁') && upper.endsWith('岁') && !lower.includes('个月')) return `${lower.slice(0, -1)}-${upper}`;
  return `${lower}-${upper}`;
}
