import type { OfficialAccountContext } from './GatewayContext';
import { callLegacy } from './GatewayContext';
import { LegacyRequestBuilder } from './LegacyRequestBuilder';
import { numberArray, objectArray, objectField, optionalNumber, optionalString, requireNumber, requireString, stringArray } from './wechatFields';

/** A follower tag. */
export interface FollowerTag {
  id: number;
  name: string;
  /** Followers carrying it (`tags/get` only). */
  count: number | null;
}

/** A page of a tag's members. */
export interface TagMemberPage {
  openids: string[];
  /** Empty on the last page. */
  nextOpenid: string;
}

/** Follower tags: ≤ 100 per account, ≤ 20 per follower, names ≤ 30 bytes. */
export interface OfficialAccountTags {
  create(name: string): Promise<FollowerTag>;
  list(): Promise<FollowerTag[]>;
  rename(id: number, name: string): Promise<void>;
  /** Refused (45057) for tags with more than 100 000 followers: untag them first. */
  remove(id: number): Promise<void>;
  /** `tags/members/batchtagging`, at most 50 openids a call. */
  tagMembers(tagId: number, openids: string[]): Promise<void>;
  /** `tags/members/batchuntagging`, at most 50 openids a call. */
  untagMembers(tagId: number, openids: string[]): Promise<void>;
  /** `user/tag/get`: up to 10 000 members a page. */
  members(tagId: number, nextOpenid?: string): Promise<TagMemberPage>;
  /** `tags/getidlist`: the tag ids one follower carries. */
  tagsOf(openid: string): Promise<number[]>;
}

const BATCH_LIMIT = 50;

function checkBatch(openids: string[]): void {
  if (openids.length === 0 || openids.length > BATCH_LIMIT) throw new RangeError(`tag batches take 1 to ${BATCH_LIMIT} openids`);
}

/** Follower tags (requests built by wechat-api). */
export function createOfficialAccountTags(context: OfficialAccountContext): OfficialAccountTags {
  const done = LegacyRequestBuilder.done;
  return {
    async create(name) {
      const json = await callLegacy(context, { path: '/cgi-bin/tags/create', idempotent: false }, (api) => api._createTag(name, done));
      const tag = objectField(json, 'tag');
      return { id: requireNumber(tag, 'id'), name: requireString(tag, 'name'), count: null };
    },

    async list() {
      const json = await callLegacy(context, { path: '/cgi-bin/tags/get', idempotent: true }, (api) => api._getTags(done));
      return objectArray(json, 'tags').map((tag) => ({
        id: requireNumber(tag, 'id'),
        name: requireString(tag, 'name'),
        count: optionalNumber(tag, 'count'),
      }));
    },

    async rename(id, name) {
      await callLegacy(context, { path: '/cgi-bin/tags/update', idempotent: true }, (api) => api._editTag(id, name, done));
    },

    async remove(id) {
      await callLegacy(context, { path: '/cgi-bin/tags/delete', idempotent: true }, (api) => api._deleteTag(id, done));
    },

    async tagMembers(tagId, openids) {
      checkBatch(openids);
      await callLegacy(context, { path: '/cgi-bin/tags/members/batchtagging', idempotent: true }, (api) =>
        api._membersBatchtagging(tagId, openids, done),
      );
    },

    async untagMembers(tagId, openids) {
      checkBatch(openids);
      await callLegacy(context, { path: '/cgi-bin/tags/members/batchuntagging', idempotent: true }, (api) =>
        api._membersBatchuntagging(tagId, openids, done),
      );
    },

    async members(tagId, nextOpenid = '') {
      const json = await callLegacy(context, { path: '/cgi-bin/user/tag/get', idempotent: true }, (api) =>
        api._getTagUsers(tagId, nextOpenid, done),
      );
      return { openids: stringArray(objectField(json, 'data').openid), nextOpenid: optionalString(json, 'next_openid') ?? '' };
    },

    async tagsOf(openid) {
      const json = await callLegacy(context, { path: '/cgi-bin/tags/getidlist', idempotent: true }, (api) => api._getUserTags(openid, done));
      return numberArray(json.tagid_list);
    },
  };
}
