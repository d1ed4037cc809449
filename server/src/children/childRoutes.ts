import Router from '@koa/router';
import { z } from 'zod';
import type { ChildListDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { errors } from '../app/errors';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { runInTransaction } from '../db/runInTransaction';
import { lockMember } from '../members/lockMember';
import { byMember, currentMember, memberAuth } from '../members/memberAuth';
import { requireGuardianConsent } from '../privacy/consentState';
import { Child } from './Child';
import { childBody } from './childSchemas';
import type { ChildBody } from './childSchemas';
import { presentChild } from './presentChild';
import { numericId } from '../app/numericId';

const MAX_CHILDREN = 10;
const IdSchema = z.object({ params: z.object({ id: numericId }) });

function columns(body: ChildBody) {
  return {
    name: body.name,
    birthYear: body.birthYear ?? null,
    birthMonth: body.birthMonth,
    birthDay: body.birthDay,
    gender: body.gender ?? null,
    interests: [...new Set(body.interests ?? [])],
  };
}

/** 我的孩子: a member's children, stored only with the guardian's separate consent. */
export function childRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/mp/children' });
  const limit = rateLimit({ name: 'mp-children', points: 60, durationSeconds: 60, key: byMember });

  router.get('/', limit, memberAuth(), async (ctx) => {
    const member = currentMember(ctx);
    requireGuardianConsent(ctx.system.config, member);
    const children = await ctx.system.dataSource.getRepository(Child).find({ where: { memberId: member.id }, order: { id: 'ASC' } });
    ctx.body = { children: children.map(presentChild) } satisfies ChildListDto;
  });

  router.post(
    '/',
    limit,
    memberAuth(),
    validate(z.object({ body: childBody }), async (ctx) => {
      const member = currentMember(ctx);
      requireGuardianConsent(ctx.system.config, member);
      const child = await runInTransaction(ctx.system.dataSource, async (manager) => {
        await lockMember(manager, member.id);
        const count = await manager.getRepository(Child).countBy({ memberId: member.id });
        if (count >= MAX_CHILDREN) throw errors.conflict('too_many_children', `最多添加 ${MAX_CHILDREN} 个孩子`);
        return manager.getRepository(Child).save(manager.getRepository(Child).create({ memberId: member.id, ...columns(ctx.input.body) }));
      });
      ctx.status = 201;
      ctx.body = presentChild(child);
    }),
  );

  router.put(
    '/:id',
    limit,
    memberAuth(),
    validate(IdSchema.extend({ body: childBody }), async (ctx) => {
      const member = currentMember(ctx);
      requireGuardianConsent(ctx.system.config, member);
      const repository = ctx.system.dataSource.getRepository(Child);
      const result = await repository.update({ id: ctx.input.params.id, memberId: member.id }, columns(ctx.input.body));
      if (result.affected !== 1) throw errors.notFound('child_not_found', '找不到这个孩子的信息');
      ctx.body = presentChild(await repository.findOneByOrFail({ id: ctx.input.params.id }));
    }),
  );

  router.delete(
    '/:id',
    limit,
    memberAuth(),
    validate(IdSchema, async (ctx) => {
      const result = await ctx.system.dataSource.getRepository(Child).delete({ id: ctx.input.params.id, memberId: currentMember(ctx).id });
      if (result.affected !== 1) throw errors.notFound('child_not_found', '找不到这个孩子的信息');
      ctx.status = 204;
    }),
  );
  return router;
}
