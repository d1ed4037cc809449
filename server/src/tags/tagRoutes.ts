import Router from '@koa/router';
import type { MemberTagListDto, TagDto, TagListDto, TagMirrorDto } from '@toyclub/shared';
import type { AppContextExtras, AppState } from '../app/appTypes';
import { rateLimit } from '../app/rateLimit';
import { validate } from '../app/validate';
import { currentStaff, staffAuth } from '../staff/staffAuth';
import { memberTagAssigner } from './memberTagAssigner';
import { memberTagRemover } from './memberTagRemover';
import { memberCounts, presentMemberTags, presentTag } from './presentTag';
import { Tag } from './Tag';
import { tagCreator } from './tagCreator';
import { tagMirrorRequester } from './tagMirrorRequester';
import { tagRemover } from './tagRemover';
import { assignMemberTagSchema, createTagSchema, memberIdSchema, memberTagSchema, tagIdSchema, updateTagSchema } from './tagSchemas';
import { tagUpdater } from './tagUpdater';

async function presentOne(manager: Parameters<typeof memberCounts>[0], tag: Tag): Promise<TagDto> {
  return presentTag(tag, (await memberCounts(manager, [tag.id])).get(tag.id) ?? 0);
}

/**
 * The console's tags (owners and managers): list, create, edit and delete tags, trigger
 * a WeChat mirror, and put manual tags on members or take them off (audited).
 */
export function tagRoutes(): Router<AppState, AppContextExtras> {
  const router = new Router<AppState, AppContextExtras>({ prefix: '/api/admin' });
  const limit = rateLimit({ name: 'admin-tags', points: 120, durationSeconds: 60 });
  const auth = staffAuth('tags.manage');

  router.get('/tags', limit, auth, async (ctx) => {
    const manager = ctx.system.dataSource.manager;
    const tags = await manager.getRepository(Tag).find({ order: { id: 'ASC' } });
    const counts = await memberCounts(manager, tags.map((tag) => tag.id));
    ctx.body = { tags: tags.map((tag) => presentTag(tag, counts.get(tag.id) ?? 0)) } satisfies TagListDto;
  });

  router.post(
    '/tags',
    limit,
    auth,
    validate(createTagSchema, async (ctx) => {
      const tag = await tagCreator({ system: ctx.system, input: ctx.input.body });
      ctx.status = 201;
      ctx.body = presentTag(tag, 0);
    }),
  );

  router.patch(
    '/tags/:id',
    limit,
    auth,
    validate(updateTagSchema, async (ctx) => {
      const tag = await tagUpdater({ system: ctx.system, tagId: ctx.input.params.id, changes: ctx.input.body });
      ctx.body = await presentOne(ctx.system.dataSource.manager, tag);
    }),
  );

  router.delete(
    '/tags/:id',
    limit,
    auth,
    validate(tagIdSchema, async (ctx) => {
      await tagRemover({ system: ctx.system, tagId: ctx.input.params.id });
      ctx.status = 204;
    }),
  );

  router.post(
    '/tags/:id/mirror',
    limit,
    auth,
    validate(tagIdSchema, async (ctx) => {
      const jobId = await tagMirrorRequester({ system: ctx.system, tagId: ctx.input.params.id });
      ctx.status = 202;
      ctx.body = { tagId: ctx.input.params.id, jobId } satisfies TagMirrorDto;
    }),
  );

  router.get(
    '/members/:id/tags',
    limit,
    auth,
    validate(memberIdSchema, async (ctx) => {
      ctx.body = { tags: await presentMemberTags(ctx.system.dataSource.manager, ctx.input.params.id) } satisfies MemberTagListDto;
    }),
  );

  router.post(
    '/members/:id/tags',
    limit,
    auth,
    validate(assignMemberTagSchema, async (ctx) => {
      const actor = { staffId: currentStaff(ctx).id, ip: ctx.ip };
      ctx.body = { tags: await memberTagAssigner({ system: ctx.system, memberId: ctx.input.params.id, tagId: ctx.input.body.tagId, actor }) } satisfies MemberTagListDto;
    }),
  );

  router.delete(
    '/members/:id/tags/:tagId',
    limit,
    auth,
    validate(memberTagSchema, async (ctx) => {
      const actor = { staffId: currentStaff(ctx).id, ip: ctx.ip };
      ctx.body = { tags: await memberTagRemover({ system: ctx.system, memberId: ctx.input.params.id, tagId: ctx.input.params.tagId, actor }) } satisfies MemberTagListDto;
    }),
  );
  return router;
}
