// The part of wechat-api 1.35.1 (untyped) the gateway uses: its request builders, the
// `_`-prefixed methods that read `this.token` and call `this.request(url, options, cb)`
// synchronously. The public wrappers (token handling, retries, urllib JSON parsing) are
// deliberately left undeclared: the gateway does not use them.
declare module 'wechat-api' {
  type WechatApiCallback = (error: Error | null, data?: unknown) => void;

  interface WechatApiRequestOptions {
    dataType?: string;
    type?: string;
    data?: unknown;
    headers?: Record<string, string>;
  }

  interface WechatApiToken {
    accessToken: string;
    expireTime?: number;
  }

  interface WechatApiTemplateDestination {
    url?: string;
    miniprogram?: { appid: string; pagepath?: string };
  }

  class WechatAPI {
    constructor(
      appid: string,
      appsecret: string,
      getToken?: (callback: (error: Error | null, token?: WechatApiToken) => void) => void,
      saveToken?: (token: WechatApiToken, callback: (error: Error | null) => void) => void,
    );
    endpoint: string;
    mpPrefix: string;
    fileServerPrefix: string;
    token: WechatApiToken;
    request(url: string, options: WechatApiRequestOptions, callback: WechatApiCallback): void;
    showQRCodeURL(ticket: string): string;

    _sendTemplate(
      openid: string,
      templateId: string,
      destination: WechatApiTemplateDestination,
      data: Record<string, { value: string }>,
      callback: WechatApiCallback,
    ): void;
    _sendText(openid: string, text: string, callback: WechatApiCallback): void;
    _sendImage(openid: string, mediaId: string, callback: WechatApiCallback): void;
    _createTmpQRCode(scene: number | string, expireSeconds: number, callback: WechatApiCallback): void;
    _createLimitQRCode(scene: number | string, callback: WechatApiCallback): void;
    _getUser(options: { openid: string; lang: string }, callback: WechatApiCallback): void;
    _batchGetUsers(openids: string[], callback: WechatApiCallback): void;
    _getFollowers(nextOpenid: string, callback: WechatApiCallback): void;
    _createTag(name: string, callback: WechatApiCallback): void;
    _getTags(callback: WechatApiCallback): void;
    _editTag(id: number, name: string, callback: WechatApiCallback): void;
    _deleteTag(id: number, callback: WechatApiCallback): void;
    _getTagUsers(tagId: number, nextOpenid: string, callback: WechatApiCallback): void;
    _membersBatchtagging(tagId: number, openids: string[], callback: WechatApiCallback): void;
    _membersBatchuntagging(tagId: number, openids: string[], callback: WechatApiCallback): void;
    _getUserTags(openid: string, callback: WechatApiCallback): void;
    _createMenu(menu: unknown, callback: WechatApiCallback): void;
    _getMenu(callback: WechatApiCallback): void;
    _removeMenu(callback: WechatApiCallback): void;
  }

  export = WechatAPI;
}
