import { WechatFailure } from '../core/WechatFailure';
import type { SimContext } from '../SimContext';
import type { WechatRoute } from '../api/WechatRoute';
import { bare, ok } from '../api/WechatRoute';
import type { Follower } from '../stores/FollowerStore';
import type { Tag } from '../stores/TagStore';
import { SYSTEM_TAG_IDS } from '../stores/TagStore';

function tagOf(body: Record<string, unknown>): Record<string, unknown> {
  const tag = body.tag;
  if (typeof tag !== 'object' || tag === null) throw new WechatFailure(47001);
  return tag as Record<string, unknown>;
}

/** 45157 empty or duplicate, 45158 over 30 bytes. */
function checkName(context: SimContext, name: unknown, except?: Tag): string {
  if (typeof name !== 'string' || name.trim() === '') throw new WechatFailure(45157);
  if (Buffer.byteLength(name) > 30) throw new WechatFailure(45158);
  const same = context.tags.byName(name);
  if (same && same !== except) throw new WechatFailure(45157);
  return name;
}

/** An existing, changeable tag: 45058 for system tags, 45159 for unknown ids. */
function userTag(context: SimContext, id: unknown): Tag {
  if (typeof id === 'number' && SYSTEM_TAG_IDS.has(id)) throw new WechatFailure(45058);
  const tag = context.tags.get(id);
  if (!tag) throw new WechatFailure(45159);
  return tag;
}

function fansOf(context: SimContext, tagId: number): Follower[] {
  return context.followers.list().filter((follower) => follower.subscribed && follower.tagIds.includes(tagId));
}

/** 40032 unless 1..50 openids, 45159 unknown tag, 40003 unknown or unfollowed openid. */
function members(context: SimContext, body: Record<string, unknown>): { tag: Tag; followers: Follower[] } {
  const list = body.openid_list;
  if (!Array.isArray(list) || list.length === 0 || list.length > context.limits.tagBatchSize) throw new WechatFailure(40032);
  const tag = context.tags.get(body.tagid);
  if (!tag) throw new WechatFailure(45159);
  const followers = list.map((openid) => {
    const follower = context.followers.require(openid);
    if (!follower.subscribed) throw new WechatFailure(40003);
    return follower;
  });
  return { tag, followers };
}

/**
 * Tags: `create` (≤ 100 per account: 45056), `get`, `update`, `delete` (45057 over 100 000
 * fans), `members/batchtagging|batchuntagging` (≤ 50 openids: 40032; ≤ 20 tags per user:
 * 45059; all-or-nothing), `getidlist` and `/cgi-bin/user/tag/get` (fans of a tag).
 */
export function tagRoutes(context: SimContext): WechatRoute[] {
  const route = (path: string, handle: WechatRoute['handle'], method: 'GET' | 'POST' = 'POST'): WechatRoute => ({ method, path, auth: 'oa', handle });
  return [
    route('/cgi-bin/tags/create', (request) => {
      const name = checkName(context, tagOf(request.json()).name);
      if (context.tags.userTagCount() >= context.limits.tagsPerAccount) throw new WechatFailure(45056);
      const tag = context.tags.create(name);
      return bare({ tag: { id: tag.id, name: tag.name } });
    }),
    route(
      '/cgi-bin/tags/get',
      () => bare({ tags: context.tags.list().map((tag) => ({ ...tag, count: fansOf(context, tag.id).length })) }),
      'GET',
    ),
    route('/cgi-bin/tags/update', (request) => {
      const input = tagOf(request.json());
      const tag = userTag(context, input.id);
      tag.name = checkName(context, input.name, tag);
      return ok();
    }),
    route('/cgi-bin/tags/delete', (request) => {
      const tag = userTag(context, tagOf(request.json()).id);
      if (fansOf(context, tag.id).length > 100_000) throw new WechatFailure(45057);
      for (const follower of context.followers.list()) follower.tagIds = follower.tagIds.filter((id) => id !== tag.id);
      context.tags.delete(tag.id);
      return ok();
    }),
    route('/cgi-bin/tags/members/batchtagging', (request) => {
      const { tag, followers } = members(context, request.json());
      const adding = followers.filter((follower) => !follower.tagIds.includes(tag.id));
      if (adding.some((follower) => follower.tagIds.length >= context.limits.tagsPerUser)) throw new WechatFailure(45059);
      for (const follower of adding) follower.tagIds.push(tag.id);
      return ok();
    }),
    route('/cgi-bin/tags/members/batchuntagging', (request) => {
      const { tag, followers } = members(context, request.json());
      for (const follower of followers) follower.tagIds = follower.tagIds.filter((id) => id !== tag.id);
      return ok();
    }),
    route('/cgi-bin/tags/getidlist', (request) => bare({ tagid_list: [...context.followers.require(request.json().openid).tagIds] })),
    route('/cgi-bin/user/tag/get', (request) => {
      const body = request.json();
      const tag = context.tags.get(body.tagid);
      if (!tag) throw new WechatFailure(45159);
      const fans = fansOf(context, tag.id).map((follower) => follower.openid);
      const start = typeof body.next_openid === 'string' && body.next_openid ? fans.indexOf(body.next_openid) + 1 : 0;
      const page = fans.slice(start, start + context.limits.userListPageSize);
      const more = start + page.length < fans.length;
      return bare({ count: page.length, ...(page.length ? { data: { openid: page } } : {}), next_openid: more ? page[page.length - 1] : '' });
    }),
  ];
}
