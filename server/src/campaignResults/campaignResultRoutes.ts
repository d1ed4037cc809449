import Router from '@koa/router';
import { z } from 'zod';
import type { CampaignProgressDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { errors } from '../app/errors';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { staffAuth } from '../staff/staffAuth';
import { campaignReport } from './campaignReport';
import { loadCampaignProgress } from './campaignProgressQuery';
import { streamCampaignProgress } from './campaignProgressStream';
import { campaignProgressHub } from './campaignProgressHub';

const CampaignSchema = z.object({ params: z.object({ id: z.string().regex(/^\d{1,20}$/) }) });

/**
 * The console's view of a campaign's results: progress (once, or as a server-sent-events
 * stream for the progress bar, every viewer in the process sharing one poll) and the report.
 */
export function campaignResultRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin/campaigns' });
  const limit = rateLimit({ name: 'admin-campaign-results', points: 300, durationSeconds: 60 });
  const auth = staffAuth('campaigns.manage');

  router.get(
    '/:id/progress',
    limit,
    auth,
    validate(CampaignSchema, async (ctx) => {
      const progress = await loadCampaignProgress(ctx.system.dataSource, ctx.input.params.id);
      if (!progress) throw errors.notFound('campaign_not_found', '找不到这个活动');
      ctx.body = progress satisfies CampaignProgressDto;
    }),
  );

  router.get(
    '/:id/progress/stream',
    limit,
    auth,
    validate(CampaignSchema, async (ctx) => {
      // Refuse an unknown campaign with a normal error before the stream starts.
      if (!(await loadCampaignProgress(ctx.system.dataSource, ctx.input.params.id))) throw errors.notFound('campaign_not_found', '找不到这个活动');
      streamCampaignProgress(ctx, { hub: campaignProgressHub(ctx.system), campaignId: ctx.input.params.id, heartbeatMs: ctx.system.config.campaigns.progressHeartbeatSeconds * 1000 });
    }),
  );

  router.get(
    '/:id/report',
    limit,
    auth,
    validate(CampaignSchema, async (ctx) => {
      ctx.body = await campaignReport({ system: ctx.system, campaignId: ctx.input.params.id, now: new Date() });
    }),
  );
  return router;
}
