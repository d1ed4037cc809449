import { useEffect, useState } from 'react';
import type { CampaignProgressDto } from '@toyclub/shared';

/** What {@link useCampaignProgress} gives: the latest counts, and whether the stream was lost for good. */
export interface CampaignProgressState {
  progress: CampaignProgressDto | null;
  /** True when the browser gave up on the stream (e.g. the session expired: a 401 is not retried). */
  lost: boolean;
}

/**
 * A campaign's live progress from its server-sent-events stream. The stream sends the
 * current counts first and closes itself with `end` once the campaign is finished; the
 * browser's EventSource reconnects by itself after a dropped connection until then.
 */
export function useCampaignProgress(campaignId: string): CampaignProgressState {
  const [progress, setProgress] = useState<CampaignProgressDto | null>(null);
  const [lost, setLost] = useState(false);
  useEffect(() => {
    const source = new EventSource(`/api/admin/campaigns/${campaignId}/progress/stream`);
    let ended = false;
    source.addEventListener('progress', (event) => {
      setProgress(JSON.parse((event as MessageEvent<string>).data) as CampaignProgressDto);
      setLost(false);
    });
    // Without this close, EventSource would reconnect to a finished stream for ever.
    source.addEventListener('end', () => {
      ended = true;
      source.close();
    });
    source.addEventListener('error', () => {
      if (!ended && source.readyState === EventSource.CLOSED) setLost(true);
    });
    return () => source.close();
  }, [campaignId]);
  return { progress, lost };
}
