import Router from '@koa/router';
import { z } from 'zod';
import type { ScannedMemberDto } from '@toyclub/shared';
import type { AppContext, AppContextExtras, AppState } from '../app/appTypes';
import { errors } from '../app/errors';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { recordAudit } from '../audit/auditLog';
import { verifyCardCode } from '../cards/cardCodes';
import { Member } from '../members/Member';
import { byMember, currentMember, memberAuth } from '../members/memberAuth';
import { maskedPhoneOf } from '../members/presentMe';
import { presentRefund } from '../purchases/presentRefund';
import { purchaseRequestHandler } from '../purchases/purchaseRequestHandler';
import { purchaseBody, refundBody } from '../purchases/purchaseSchemas';
import { refundRecorder } from '../purchases/refundRecorder';
import { requestHash } from '../purchases/requestHash';
import { redemptionFulfiller } from '../rewards/redemptionFulfiller';
import { Store } from '../stores/Store';
import { tierByCode } from '../tiers/tierLevels';
import { presentStaff } from './presentStaff';
import { currentStaff, memberStaffAuth } from './staffAuth';
import { redeemBindingCode } from './staffBinding';

/** The store a clerk acts for: their own, or the one an owner/manager without a store names. */
async function actingStore(ctx: AppContext, requested: string | undefined): Promise<string> {
  const staff = currentStaff(ctx);
  if (staff.storeId) return staff.storeId;
  if (!requested) throw errors.badRequest('store_required', '请选择门店');
  if (!(await ctx.system.dataSource.getRepository(Store).existsBy({ id: requested }))) throw errors.notFound('store_not_found', '找不到这家门店');
  return requested;
}

/** 店员模式: staff bound to their mini-program identity scan cards, record purchases and fulfil redemptions. */
export function mpStaffRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/mp/staff' });
  const limit = rateLimit({ name: 'mp-staff', points: 300, durationSeconds: 60, key: byMember });

  router.post(
    '/binding',
    rateLimit({ name: 'mp-staff-binding', points: 10, durationSeconds: 600, key: byMember }),
    memberAuth(),
    validate(z.object({ body: z.object({ code: z.string().trim().min(6).max(16) }) }), async (ctx) => {
      const staff = await redeemBindingCode({ system: ctx.system, memberId: currentMember(ctx).id, code: ctx.input.body.code, now: new Date() });
      ctx.body = presentStaff(staff);
    }),
  );

  router.post(
    '/card-scans',
    limit,
    memberAuth(),
    memberStaffAuth('members.scan'),
    validate(z.object({ body: z.object({ cardCode: z.string().trim().min(10).max(128) }) }), async (ctx) => {
      const verified = verifyCardCode(ctx.system, ctx.input.body.cardCode, new Date());
      const member = await ctx.system.dataSource.getRepository(Member).findOneBy({ id: verified.memberId });
      if (!member || member.deletedAt) throw errors.notFound('member_not_found', '找不到这位会员');
      await recordAudit(ctx.system.dataSource.manager, { staffId: currentStaff(ctx).id, memberIds: [member.id], action: 'member.card_scan', ip: ctx.ip });
      const tier = tierByCode(ctx.system.config.tiers.levels, member.tierCode);
      const body: ScannedMemberDto = {
        memberId: member.id,
        nickname: member.nickname,
        maskedPhone: maskedPhoneOf(ctx.system.config, member),
        tierCode: tier.code,
        tierName: tier.name,
        pointsBalance: member.pointsBalance,
      };
      ctx.body = body;
    }),
  );

  router.post(
    '/purchases',
    limit,
    memberAuth(),
    memberStaffAuth('purchases.record'),
    validate(z.object({ body: purchaseBody }), async (ctx) => {
      const { purchasedAt, ...body } = ctx.input.body;
      void purchasedAt; // only a POS may backdate a purchase
      const storeId = await actingStore(ctx, body.storeId);
      ctx.body = await purchaseRequestHandler({ system: ctx.system, storeId, source: 'clerk', staffId: currentStaff(ctx).id, body, now: new Date() });
    }),
  );

  router.post(
    '/refunds',
    limit,
    memberAuth(),
    memberStaffAuth('purchases.refund'),
    validate(z.object({ body: refundBody }), async (ctx) => {
      const staff = currentStaff(ctx);
      const { purchaseId, amountFen, idempotencyKey } = ctx.input.body;
      const recorded = await refundRecorder({
        system: ctx.system,
        purchaseId,
        storeId: staff.storeId,
        source: 'clerk',
        idempotencyKey,
        requestHash: requestHash({ purchaseId, amountFen: amountFen ?? null }),
        amountFen,
        staffId: staff.id,
        now: new Date(),
      });
      ctx.body = presentRefund(recorded);
    }),
  );

  router.post(
    '/redemptions/fulfil',
    limit,
    memberAuth(),
    memberStaffAuth('redemptions.fulfil'),
    validate(z.object({ body: z.object({ code: z.string().trim().min(4).max(16) }) }), async (ctx) => {
      ctx.body = await redemptionFulfiller({ system: ctx.system, code: ctx.input.body.code, staffId: currentStaff(ctx).id, now: new Date() });
    }),
  );
  return router;
}
