import type { AppError } from '../app/AppError';
import { errors } from '../app/errors';

/** The campaign id names no campaign (404): one id and message for every campaign route. */
export function campaignNotFound(): AppError {
  return errors.notFound('campaign_not_found', '找不到这个活动');
}
