import { z } from 'zod';

/**
 * A row id in a request (path, query or body): 1 to 20 decimal digits, wide enough for any
 * BIGINT id. Kept a string because ids can pass Number.MAX_SAFE_INTEGER.
 */
export const numericId = z.string().regex(/^\d{1,20}$/);

/**
 * A row id of at most 19 digits, the width of a signed BIGINT. The store QR-code and
 * auto-reply routes have always refused 20-digit ids with this pattern; they keep doing so.
 */
export const signedNumericId = z.string().regex(/^\d{1,19}$/);
