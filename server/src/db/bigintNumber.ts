import type { ValueTransformer } from 'typeorm';

/**
 * Reads a BIGINT amount (fen) as a JS number. mysql2 hands BIGINTs back as strings so
 * that ids never lose precision; amounts stay far below 2^53, so numbers are safe.
 */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** Reads a DECIMAL column as a JS number (mysql2 returns DECIMAL as a string). */
export const decimalNumber: ValueTransformer = bigintNumber;
