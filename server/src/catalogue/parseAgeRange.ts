/** An age range in months; either bound may be open. */
export interface AgeRangeMonths {
  minAgeMonths: number | null;
  maxAgeMonths: number | null;
}

/** One bound such as `3岁`, `18个月`, `3` (years, as on toy boxes) or `1岁半`. */
function boundMonths(text: string, upper: boolean, defaultUnit: 'year' | 'month'): number | null {
  const match = /^(\d{1,3}(?:\.5)?)(岁半|岁|周岁|个月|月|y|m)?$/i.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  const unit = match[2]?.toLowerCase();
  const isMonths = unit === '个月' || unit === '月' || unit === 'm' || (unit === undefined && defaultUnit === 'month');
  if (isMonths) return Math.round(value);
  const years = value + (unit === '岁半' ? 0.5 : 0);
  // "3-6岁" covers every child who is still 6: up to the last month before 7.
  return upper && Number.isInteger(years) ? years * 12 + 11 : Math.round(years * 12);
}

/**
 * Reads an age range as POS exports and toy boxes write it: `3-6岁`, `3~6岁`, `3至6岁`,
 * `18个月-3岁`, `0-36个月`, `3岁以上`, `3+`, `14岁以下`, `全年龄`. Returns null when the
 * text cannot be read. An upper bound in years includes that whole year of age.
 */
export function parseAgeRange(raw: string): AgeRangeMonths | null {
  const text = raw.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  if (text === '' || ['全年龄', '不限', '所有年龄'].includes(text)) return { minAgeMonths: null, maxAgeMonths: null };
  const open = /^(.+?)(以上|及以上|\+)$/.exec(text);
  if (open) {
    const min = boundMonths(open[1], false, 'year');
    return min === null ? null : { minAgeMonths: min, maxAgeMonths: null };
  }
  const below = /^(.+?)(以下|及以下)$/.exec(text);
  if (below) {
    const max = boundMonths(below[1], true, 'year');
    return max === null ? null : { minAgeMonths: null, maxAgeMonths: max };
  }
  const range = /^(.+?)(?:-|~|至|到|—)(.+)$/.exec(text);
  if (!range) return null;
  // "0-36个月": the unit written after the second bound applies to a bare first bound.
  const trailingUnit = /(个月|月|m)$/.test(range[2]) ? 'month' : 'year';
  const min = boundMonths(range[1], false, trailingUnit);
  const max = boundMonths(range[2], true, trailingUnit);
  if (min === null || max === null) return null;
  return { minAgeMonths: min, maxAgeMonths: max };
}
