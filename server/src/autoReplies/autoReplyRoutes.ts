import Router from '@koa/router';
import type { AutoReplyRuleDto, AutoReplyRuleListDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { errors } from '../app/errors';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { runInTransaction } from '../db/runInTransaction';
import { ownerOrManager, recordAdminAction } from '../officialAccount/admin/adminAccess';
import { currentStaff } from '../staff/staffAuth';
import { invalidateAutoReplies } from './autoReplyMatcher';
import { CreateAutoReplySchema, DeleteAutoReplySchema, UpdateAutoReplySchema } from './autoReplySchemas';
import { AutoReplyRule } from './AutoReplyRule';
import { presentAutoReply } from './presentAutoReply';

const notFound = () => errors.notFound('auto_reply_not_found', '找不到这条自动回复');

/**
 * The owner's keyword rules (`/api/admin/auto-replies`): list in matching order, create,
 * replace, delete. Owners and managers only; every change is audited and takes effect in
 * this process at once (in others within seconds).
 */
export function autoReplyRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin/auto-replies' });
  const limit = rateLimit({ name: 'admin-auto-replies', points: 60, durationSeconds: 60 });

  router.get('/', limit, ...ownerOrManager(), async (ctx) => {
    const rules = await ctx.system.dataSource.getRepository(AutoReplyRule).find({ order: { enabled: 'DESC', priority: 'DESC', id: 'ASC' } });
    ctx.body = { rules: rules.map(presentAutoReply) } satisfies AutoReplyRuleListDto;
  });

  router.post(
    '/',
    limit,
    ...ownerOrManager(),
    validate(CreateAutoReplySchema, async (ctx) => {
      const input = ctx.input.body;
      const rule = await runInTransaction(ctx.system.dataSource, async (manager) => {
        const repository = manager.getRepository(AutoReplyRule);
        const created = await repository.save(
          repository.create({ ...input, replyType: input.reply.type, updatedByStaffId: currentStaff(ctx).id }),
        );
        await recordAdminAction(manager, ctx, 'auto_reply.create', `#${created.id} ${input.matchType} ${input.pattern}`);
        return created;
      });
      invalidateAutoReplies(ctx.system.dataSource);
      ctx.status = 201;
      ctx.body = presentAutoReply(rule) satisfies AutoReplyRuleDto;
    }),
  );

  router.put(
    '/:id',
    limit,
    ...ownerOrManager(),
    validate(UpdateAutoReplySchema, async (ctx) => {
      const input = ctx.input.body;
      const rule = await runInTransaction(ctx.system.dataSource, async (manager) => {
        const repository = manager.getRepository(AutoReplyRule);
        const existing = await repository.findOne({ where: { id: ctx.input.params.id }, lock: { mode: 'pessimistic_write' } });
        if (!existing) throw notFound();
        Object.assign(existing, input, { replyType: input.reply.type, updatedByStaffId: currentStaff(ctx).id });
        const saved = await repository.save(existing);
        await recordAdminAction(manager, ctx, 'auto_reply.update', `#${saved.id} ${input.matchType} ${input.pattern}`);
        return saved;
      });
      invalidateAutoReplies(ctx.system.dataSource);
      ctx.body = presentAutoReply(rule) satisfies AutoReplyRuleDto;
    }),
  );

  router.delete(
    '/:id',
    limit,
    ...ownerOrManager(),
    validate(DeleteAutoReplySchema, async (ctx) => {
      await runInTransaction(ctx.system.dataSource, async (manager) => {
        const result = await manager.getRepository(AutoReplyRule).delete({ id: ctx.input.params.id });
        if (result.affected !== 1) throw notFound();
        await recordAdminAction(manager, ctx, 'auto_reply.delete', `#${ctx.input.params.id}`);
      });
      invalidateAutoReplies(ctx.system.dataSource);
      ctx.status = 204;
    }),
  );
  return router;
}
