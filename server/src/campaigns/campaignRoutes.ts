import Router from '@koa/router';
import type { CampaignListDto, CampaignTemplateListDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { errors } from '../app/errors';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { currentStaff, staffAuth } from '../staff/staffAuth';
import type { System } from '../system/System';
import { Campaign } from './Campaign';
import { campaignComposer, checkComposedCampaign } from './campaignComposer';
import { installCampaignDeliveryListener } from './campaignDeliveryListener';
import { campaignNotFound } from './campaignErrors';
import { CampaignIdSchema, CreateCampaignSchema } from './campaignSchemas';
import { campaignCanceller, campaignPauser, campaignResumer, campaignScheduler } from './campaignStateChanges';
import { presentCampaign, presentCampaignDetail, presentCampaignTemplate } from './presentCampaign';

async function loadCampaign(system: System, id: string): Promise<Campaign> {
  const campaign = await system.dataSource.getRepository(Campaign).findOneBy({ id });
  if (!campaign) throw campaignNotFound();
  return campaign;
}

/**
 * The console's campaigns (owners and managers): compose (refused with the reason when
 * WeChat's channel rules do not allow it), list, progress by state, and schedule, pause,
 * resume or cancel.
 */
export function campaignRoutes(): Router<AppState, AppContextExtras> {
  installCampaignDeliveryListener();
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin/campaigns' });
  const limit = rateLimit({ name: 'admin-campaigns', points: 120, durationSeconds: 60 });
  // The console polls progress while a campaign runs.
  const readLimit = rateLimit({ name: 'admin-campaigns-read', points: 600, durationSeconds: 60 });
  const auth = staffAuth('campaigns.manage');

  router.post(
    '/',
    limit,
    auth,
    validate(CreateCampaignSchema, async (ctx) => {
      const campaign = await campaignComposer({ system: ctx.system, staffId: currentStaff(ctx).id, input: ctx.input.body, now: new Date() });
      ctx.status = 201;
      ctx.body = await presentCampaignDetail(ctx.system.dataSource.manager, campaign);
    }),
  );

  router.get('/templates', readLimit, auth, async (ctx) => {
    ctx.body = { templates: ctx.system.config.campaigns.templates.map(presentCampaignTemplate) } satisfies CampaignTemplateListDto;
  });

  router.get('/', readLimit, auth, async (ctx) => {
    const campaigns = await ctx.system.dataSource.getRepository(Campaign).find({ order: { id: 'DESC' }, take: 200 });
    ctx.body = { campaigns: campaigns.map(presentCampaign) } satisfies CampaignListDto;
  });

  router.get(
    '/:id',
    readLimit,
    auth,
    validate(CampaignIdSchema, async (ctx) => {
      ctx.body = await presentCampaignDetail(ctx.system.dataSource.manager, await loadCampaign(ctx.system, ctx.input.params.id));
    }),
  );

  router.post(
    '/:id/schedule',
    limit,
    auth,
    validate(CampaignIdSchema, async (ctx) => {
      const campaign = await loadCampaign(ctx.system, ctx.input.params.id);
      // The audience may have changed since composing: the channel rules are checked again.
      await checkComposedCampaign({
        system: ctx.system,
        manager: ctx.system.dataSource.manager,
        input: campaign,
        now: new Date(),
      });
      await campaignScheduler({ system: ctx.system, campaignId: campaign.id });
      ctx.body = await presentCampaignDetail(ctx.system.dataSource.manager, await loadCampaign(ctx.system, campaign.id));
    }),
  );

  const transition = (action: (system: System, id: string) => Promise<unknown>) =>
    validate(CampaignIdSchema, async (ctx) => {
      await action(ctx.system, (await loadCampaign(ctx.system, ctx.input.params.id)).id);
      ctx.body = await presentCampaignDetail(ctx.system.dataSource.manager, await loadCampaign(ctx.system, ctx.input.params.id));
    });

  router.post(
    '/:id/pause',
    limit,
    auth,
    transition(async (system, id) => {
      if (!(await campaignPauser({ system, campaignId: id }))) throw errors.conflict('campaign_not_active', '只有待发送或发送中的活动可以暂停');
    }),
  );
  router.post(
    '/:id/resume',
    limit,
    auth,
    transition(async (system, id) => {
      if (!(await campaignResumer({ system, campaignId: id }))) throw errors.conflict('campaign_not_paused', '只有已暂停的活动可以继续');
    }),
  );
  router.post('/:id/cancel', limit, auth, transition((system, id) => campaignCanceller({ system, campaignId: id })));
  return router;
}
