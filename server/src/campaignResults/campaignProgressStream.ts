import type { CampaignProgressDto } from '@toyclub/shared';
import type { AppContext } from '../app/appTypes';
import type { ProgressHub } from './ProgressHub';
import { openEventStream } from './serverSentEvents';

/**
 * Streams a campaign's progress as server-sent events: `progress` with the counts each
 * time they change (the current counts first), a comment line as heartbeat, and `end`
 * once the campaign is completed, cancelled or stopped, after which the response ends.
 * The viewer's poll subscription and heartbeat stop when either side closes.
 */
export function streamCampaignProgress(
  ctx: AppContext,
  options: { hub: ProgressHub<CampaignProgressDto | null>; campaignId: string; heartbeatMs: number },
): void {
  const stream = openEventStream(ctx);
  const unsubscribe = options.hub.subscribe(options.campaignId, (progress) => {
    if (!progress) {
      stream.send('end', { reason: 'campaign_not_found' });
      stream.close();
      return;
    }
    stream.send('progress', progress);
    if (progress.finished) {
      stream.send('end', { reason: progress.state });
      stream.close();
    }
  });
  const heartbeat = setInterval(() => stream.comment('heartbeat'), options.heartbeatMs);
  stream.onClose(() => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
