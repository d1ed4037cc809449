import { useEffect, useState } from 'react';
import type { CampaignProgressDto } from '@toyclub/shared';

/**
 * A campaign's live progress from its server-sent-events stream. The stream sends the
 * current counts first and closes itself with `end` once the campaign is finished; the
 * browser's EventSource reconnects by itself after a dropped connection until then.
 */
export function useCampaignProgress(campaignId: string): CampaignProgressDto | null {
  const [progress, setProgress] = useState<CampaignProgressDto | null>(null);
  useEffect(() => {
    const source = new EventSource(`/api/admin/campaigns/${campaignId}/progress/stream`);
    source.addEventListener('progress', (event) => setProgress(JSON.parse((event as MessageEvent<string>).data) as CampaignProgressDto));
    // Without this close, EventSource would reconnect to a finished stream for ever.
    source.addEventListener('end', () => source.close());
    return () => source.close();
  }, [campaignId]);
  return progress;
}
