import Router from '@koa/router';
import { z } from 'zod';
import type { RewardListDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { errors } from '../app/errors';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { currentStaff, staffAuth } from '../staff/staffAuth';
import { presentReward } from './presentRewards';
import { redemptionCanceller } from './redemptionCanceller';
import { redemptionFulfiller } from './redemptionFulfiller';
import { Reward } from './Reward';
import { numericId } from '../app/numericId';

const fields = {
  name: z.string().trim().min(1).max(64),
  description: z.string().trim().max(500),
  imageUrl: z.union([z.literal(''), z.url().max(500)]),
  pointsPrice: z.number().int().positive().max(10_000_000),
  stock: z.number().int().min(0).max(1_000_000),
  active: z.boolean(),
};
const CreateSchema = z.object({
  body: z.object({ ...fields, description: fields.description.default(''), imageUrl: fields.imageUrl.default(''), active: fields.active.default(true) }),
});
const UpdateSchema = z.object({ params: z.object({ id: numericId }), body: z.object(fields).partial() });
const FulfilSchema = z.object({ body: z.object({ code: z.string().trim().min(4).max(16) }) });

/** The console's rewards catalogue, redemption fulfilment and cancellation. */
export function adminRewardRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin' });
  const limit = rateLimit({ name: 'admin-rewards', points: 120, durationSeconds: 60 });

  router.get('/rewards', limit, staffAuth('rewards.manage'), async (ctx) => {
    const rewards = await ctx.system.dataSource.getRepository(Reward).find({ order: { id: 'DESC' } });
    ctx.body = { rewards: rewards.map(presentReward) } satisfies RewardListDto;
  });

  router.post(
    '/rewards',
    limit,
    staffAuth('rewards.manage'),
    validate(CreateSchema, async (ctx) => {
      const repository = ctx.system.dataSource.getRepository(Reward);
      const reward = await repository.save(repository.create(ctx.input.body));
      ctx.status = 201;
      ctx.body = presentReward(reward);
    }),
  );

  router.patch(
    '/rewards/:id',
    limit,
    staffAuth('rewards.manage'),
    validate(UpdateSchema, async (ctx) => {
      if (Object.keys(ctx.input.body).length === 0) throw errors.badRequest('nothing_to_update', '没有要修改的内容');
      const repository = ctx.system.dataSource.getRepository(Reward);
      // One UPDATE: never read-modify-write the stock that redemptions decrement concurrently.
      const result = await repository.update({ id: ctx.input.params.id }, ctx.input.body);
      if (result.affected !== 1) throw errors.notFound('reward_not_found', '找不到这个礼品');
      ctx.body = presentReward(await repository.findOneByOrFail({ id: ctx.input.params.id }));
    }),
  );

  router.post(
    '/redemptions/fulfil',
    limit,
    staffAuth('redemptions.fulfil'),
    validate(FulfilSchema, async (ctx) => {
      ctx.body = await redemptionFulfiller({ system: ctx.system, code: ctx.input.body.code, staffId: currentStaff(ctx).id, now: new Date() });
    }),
  );
  router.post(
    '/redemptions/cancel',
    limit,
    staffAuth('rewards.manage'),
    validate(FulfilSchema, async (ctx) => {
      ctx.body = await redemptionCanceller({ system: ctx.system, code: ctx.input.body.code, now: new Date() });
    }),
  );
  return router;
}
