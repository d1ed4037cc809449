import Router from '@koa/router';
import type { CampaignProgressDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { campaignNotFound } from '../campaigns/campaignErrors';
import { CampaignIdSchema } from '../campaigns/campaignSchemas';
import { staffAuth } from '../staff/staffAuth';
import { campaignReport } from './campaignReport';
import { campaignExists, loadCampaignProgress } from './campaignProgressQuery';
import { streamCampaignProgress } from './campaignProgressStream';
import { campaignProgressHub } from './campaignProgressHub';

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
    validate(CampaignIdSchema, async (ctx) => {
      const progress = await loadCampaignProgress(ctx.system.dataSource, ctx.input.params.id);
      if (!progress) throw campaignNotFound();
      ctx.body = progress satisfies CampaignProgressDto;
    }),
  );

  router.get(
    '/:id/progress/stream',
    limit,
    auth,
    validate(CampaignIdSchema, async (ctx) => {
      // Refuse an unknown campaign with a normal error before the stream starts; the stream's
      // first event then carries the counts, so they are not loaded here too.
      if (!(await campaignExists(ctx.system.dataSource, ctx.input.params.id))) throw campaignNotFound();
      streamCampaignProgress(ctx, { hub: campaignProgressHub(ctx.system), campaignId: ctx.input.params.id, heartbeatMs: ctx.system.config.campaigns.progressHeartbeatSeconds * 1000 });
    }),
  );

  router.get(
    '/:id/report',
    limit,
    auth,
    validate(CampaignIdSchema, async (ctx) => {
      ctx.body = await campaignReport({ system: ctx.system, campaignId: ctx.input.params.id, now: new Date() });
    }),
  );
  return router;
}
