import type { OfficialAccountContext } from './GatewayContext';
import { callLegacy } from './GatewayContext';
import { LegacyRequestBuilder } from './LegacyRequestBuilder';
import type { WechatJson } from './parseWechatJson';
import { numberArray, objectArray, objectField, optionalNumber, optionalString, requireNumber, stringArray } from './wechatFields';

/** What `user/info` tells about a follower (WeChat no longer returns nickname or avatar). */
export interface FollowerInfo {
  openid: string;
  /** False when the user does not (or no longer) follow the account: the other fields are then absent. */
  subscribed: boolean;
  unionid: string | null;
  /** Epoch seconds of the latest follow. */
  subscribeTime: number | null;
  language: string | null;
  remark: string | null;
  tagIds: number[];
  /** e.g. ADD_SCENE_QR_CODE. */
  subscribeScene: string | null;
  qrScene: number | null;
  qrSceneStr: string | null;
}

/** One page of the follower list. */
export interface FollowerPage {
  total: number;
  openids: string[];
  /** Pass it back for the next page; empty on the last page. */
  nextOpenid: string;
}

/** The official account's followers. */
export interface OfficialAccountUsers {
  /** `user/info` for one openid. */
  getUser(openid: string, lang?: 'zh_CN' | 'zh_TW' | 'en'): Promise<FollowerInfo>;
  /** `user/info/batchget`, at most 100 openids a call. */
  batchGetUsers(openids: string[]): Promise<FollowerInfo[]>;
  /** `user/get`: up to 10 000 openids a page, from `nextOpenid` (500 calls a day). */
  listFollowers(nextOpenid?: string): Promise<FollowerPage>;
}

function followerInfo(json: WechatJson): FollowerInfo {
  return {
    openid: optionalString(json, 'openid') ?? '',
    subscribed: json.subscribe === 1,
    unionid: optionalString(json, 'unionid'),
    subscribeTime: optionalNumber(json, 'subscribe_time'),
    language: optionalString(json, 'language'),
    remark: optionalString(json, 'remark'),
    tagIds: numberArray(json.tagid_list),
    subscribeScene: optionalString(json, 'subscribe_scene'),
    qrScene: optionalNumber(json, 'qr_scene'),
    qrSceneStr: optionalString(json, 'qr_scene_str'),
  };
}

/** The official account's follower queries (requests built by wechat-api). */
export function createOfficialAccountUsers(context: OfficialAccountContext): OfficialAccountUsers {
  const done = LegacyRequestBuilder.done;
  return {
    async getUser(openid, lang = 'zh_CN') {
      const json = await callLegacy(context, { path: '/cgi-bin/user/info', idempotent: true }, (api) =>
        api._getUser({ openid, lang }, done),
      );
      return followerInfo(json);
    },

    async batchGetUsers(openids) {
      if (openids.length > 100) throw new RangeError('user/info/batchget takes at most 100 openids');
      const json = await callLegacy(context, { path: '/cgi-bin/user/info/batchget', idempotent: true }, (api) =>
        api._batchGetUsers(openids, done),
      );
      return objectArray(json, 'user_info_list').map(followerInfo);
    },

    async listFollowers(nextOpenid = '') {
      const json = await callLegacy(context, { path: '/cgi-bin/user/get', idempotent: true }, (api) =>
        api._getFollowers(nextOpenid, done),
      );
      // A page with no openids may omit `data` altogether.
      return {
        total: requireNumber(json, 'total'),
        openids: stringArray(objectField(json, 'data').openid),
        nextOpenid: optionalString(json, 'next_openid') ?? '',
      };
    },
  };
}
