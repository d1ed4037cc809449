import type { CampaignClickDto } from '@toyclub/shared';
import { CAMPAIGN_CLICK_PARAM } from '@toyclub/shared';
import { apiRequest } from './client';

// Returning to the app from the background shows it again with the same query: count once.
const reported = new Set<string>();

/**
 * Counts the opening of a campaign message: when the app is shown with a `ctk` parameter
 * (a tracked mini-program link), posts it to `/api/mp/campaign-clicks`, without sign-in
 * (the token is the credential). Never rejects: a click that could not be counted must
 * not disturb the member. Resolves true when the server recorded it.
 */
export async function reportCampaignClick(query: Record<string, string | undefined> | undefined): Promise<boolean> {
  const token = query?.[CAMPAIGN_CLICK_PARAM];
  if (!token || reported.has(token)) return false;
  reported.add(token);
  try {
    await apiRequest<CampaignClickDto>('/api/mp/campaign-clicks', { method: 'POST', data: { token }, auth: false });
    return true;
  } catch {
    return false;
  }
}
