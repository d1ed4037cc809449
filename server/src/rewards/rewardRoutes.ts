import Router from '@koa/router';
import { In } from 'typeorm';
import { z } from 'zod';
import type { RedemptionListDto, RewardListDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { byMember, currentMember, memberAuth } from '../members/memberAuth';
import { idempotencyKey } from '../purchases/purchaseSchemas';
import { presentRedemption, presentReward } from './presentRewards';
import { Redemption } from './Redemption';
import { Reward } from './Reward';
import { rewardRedeemer } from './rewardRedeemer';
import { numericId } from '../app/numericId';

const RedeemSchema = z.object({
  params: z.object({ id: numericId }),
  body: z.object({ idempotencyKey }),
});

/** The member's side of rewards: the catalogue, redeeming, and their redemption codes. */
export function rewardRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/mp' });

  router.get('/rewards', rateLimit({ name: 'mp-read', points: 120, durationSeconds: 60, key: byMember }), memberAuth(), async (ctx) => {
    const rewards = await ctx.system.dataSource.getRepository(Reward).find({ where: { active: true }, order: { pointsPrice: 'ASC', id: 'ASC' } });
    ctx.body = { rewards: rewards.map(presentReward) } satisfies RewardListDto;
  });

  router.post(
    '/rewards/:id/redemptions',
    rateLimit({ name: 'mp-redeem', points: 30, durationSeconds: 60, key: byMember }),
    memberAuth(),
    validate(RedeemSchema, async (ctx) => {
      const member = currentMember(ctx);
      ctx.body = await rewardRedeemer({
        system: ctx.system,
        memberId: member.id,
        rewardId: ctx.input.params.id,
        idempotencyKey: ctx.input.body.idempotencyKey,
        now: new Date(),
      });
    }),
  );

  router.get('/redemptions', rateLimit({ name: 'mp-read', points: 120, durationSeconds: 60, key: byMember }), memberAuth(), async (ctx) => {
    const member = currentMember(ctx);
    const manager = ctx.system.dataSource.manager;
    const redemptions = await manager.getRepository(Redemption).find({ where: { memberId: member.id }, order: { id: 'DESC' }, take: 50 });
    const rewardIds = [...new Set(redemptions.map((redemption) => redemption.rewardId))];
    const rewards = new Map((await manager.getRepository(Reward).findBy({ id: In(rewardIds) })).map((reward) => [reward.id, reward.name]));
    ctx.body = {
      redemptions: redemptions.map((redemption) => presentRedemption(redemption, rewards.get(redemption.rewardId) ?? '', null)),
    } satisfies RedemptionListDto;
  });
  return router;
}
