import type { MiniProgramAuth } from './MiniProgramAuth';
import type { MiniProgramCodes } from './MiniProgramCodes';
import type { MiniProgramMessages } from './MiniProgramMessages';
import type { MiniProgramSecurity } from './MiniProgramSecurity';
import type { OfficialAccountMassSend } from './OfficialAccountMassSend';
import type { OfficialAccountMenus } from './OfficialAccountMenus';
import type { OfficialAccountMessages } from './OfficialAccountMessages';
import type { OfficialAccountQrCodes } from './OfficialAccountQrCodes';
import type { OfficialAccountTags } from './OfficialAccountTags';
import type { OfficialAccountUsers } from './OfficialAccountUsers';
import type { WechatAppName } from './WechatApiError';
import type { ApiQuota } from './fetchApiQuota';

/** The official account's API: messages, mass sends, followers, QR codes, tags, menu. */
export interface OfficialAccountApi
  extends OfficialAccountMessages,
    OfficialAccountMassSend,
    OfficialAccountUsers,
    OfficialAccountQrCodes {
  tags: OfficialAccountTags;
  menus: OfficialAccountMenus;
  /** `openapi/quota/get` for one of the official account's API paths. */
  quota(cgiPath: string): Promise<ApiQuota>;
}

/** The mini-program's API: login, phone number, codes, content security, subscribe messages. */
export interface MiniProgramApi extends MiniProgramAuth, MiniProgramCodes, MiniProgramSecurity, MiniProgramMessages {
  /** `openapi/quota/get` for one of the mini-program's API paths. */
  quota(cgiPath: string): Promise<ApiQuota>;
}

/**
 * The only way the project talks to WeChat's server APIs. Every method throws
 * `WechatApiError` on failure; switch on its `action`.
 */
export interface WechatGateway {
  oa: OfficialAccountApi;
  mp: MiniProgramApi;
  /** `openapi/quota/get` for a path of either app (the official account's by default). */
  quota(cgiPath: string, app?: WechatAppName): Promise<ApiQuota>;
  /** Closes the keep-alive sockets. The Redis client belongs to the caller. */
  close(): void;
}
