import Router from '@koa/router';
import { IsNull } from 'typeorm';
import type { BuiltinSegmentListDto, SegmentDto, SegmentListDto, SegmentPreviewDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { recordAudit } from '../audit/auditLog';
import { currentStaff, staffAuth } from '../staff/staffAuth';
import { presentSegment } from './presentSegment';
import { Segment } from './Segment';
import { segmentNotFound } from './segmentErrors';
import { builtinSegmentCounts, segmentPreviewer } from './segmentPreviewer';
import { CreateSegmentSchema, PreviewSchema, SegmentIdSchema, UpdateSegmentSchema } from './segmentSchemas';

/** The console's segments: preview a definition, save it, and see the built-in ones with their sizes. */
export function segmentRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin/segments' });
  const limit = rateLimit({ name: 'admin-segments', points: 60, durationSeconds: 60 });
  const auth = staffAuth('segments.manage');

  router.post(
    '/preview',
    limit,
    auth,
    validate(PreviewSchema, async (ctx) => {
      const manager = ctx.system.dataSource.manager;
      const body: SegmentPreviewDto = await segmentPreviewer({ manager, config: ctx.system.config, definition: ctx.input.body.definition });
      // The sample shows members' names and masked phones: audited before it is returned.
      await recordAudit(manager, {
        staffId: currentStaff(ctx).id,
        memberIds: body.sample.map((member) => member.id),
        action: 'member.list',
        detail: 'segment.preview',
        ip: ctx.ip,
      });
      ctx.body = body;
    }),
  );

  router.get('/builtin', limit, auth, async (ctx) => {
    const body: BuiltinSegmentListDto = { segments: await builtinSegmentCounts({ manager: ctx.system.dataSource.manager, config: ctx.system.config }) };
    ctx.body = body;
  });

  router.get('/', limit, auth, async (ctx) => {
    const segments = await ctx.system.dataSource.getRepository(Segment).find({ where: { deletedAt: IsNull() }, order: { id: 'DESC' }, take: 500 });
    const body: SegmentListDto = { segments: segments.map(presentSegment) };
    ctx.body = body;
  });

  router.post(
    '/',
    limit,
    auth,
    validate(CreateSegmentSchema, async (ctx) => {
      const repository = ctx.system.dataSource.getRepository(Segment);
      const segment = repository.create({ ...ctx.input.body, createdByStaffId: currentStaff(ctx).id, deletedAt: null });
      await repository.save(segment);
      ctx.status = 201;
      ctx.body = presentSegment(segment) satisfies SegmentDto;
    }),
  );

  router.get(
    '/:id',
    limit,
    auth,
    validate(SegmentIdSchema, async (ctx) => {
      const segment = await ctx.system.dataSource.getRepository(Segment).findOneBy({ id: ctx.input.params.id, deletedAt: IsNull() });
      if (!segment) throw segmentNotFound();
      ctx.body = presentSegment(segment) satisfies SegmentDto;
    }),
  );

  router.patch(
    '/:id',
    limit,
    auth,
    validate(UpdateSegmentSchema, async (ctx) => {
      const repository = ctx.system.dataSource.getRepository(Segment);
      const result = await repository.update({ id: ctx.input.params.id, deletedAt: IsNull() }, ctx.input.body);
      if (result.affected !== 1) throw segmentNotFound();
      ctx.body = presentSegment(await repository.findOneByOrFail({ id: ctx.input.params.id })) satisfies SegmentDto;
    }),
  );

  router.delete(
    '/:id',
    limit,
    auth,
    validate(SegmentIdSchema, async (ctx) => {
      // Soft delete: campaigns that used the segment keep their reference.
      const result = await ctx.system.dataSource.getRepository(Segment).update({ id: ctx.input.params.id, deletedAt: IsNull() }, { deletedAt: new Date() });
      if (result.affected !== 1) throw segmentNotFound();
      ctx.status = 204;
    }),
  );
  return router;
}
