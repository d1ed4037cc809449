import type { AppError } from '../app/AppError';
import { errors } from '../app/errors';

/** The segment id names no segment, or a deleted one (404). */
export function segmentNotFound(): AppError {
  return errors.notFound('segment_not_found', '找不到这个分群');
}
