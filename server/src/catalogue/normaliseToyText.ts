/**
 * Folds the ways parents type a toy's name onto one form: full-width to half-width (NFKC),
 * lower case, and no spaces, punctuation or symbols, so that `ＬＥＧＯ 城市·警察局` and
 * `lego城市警察局` are the same text.
 */
export function normaliseToyText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}
