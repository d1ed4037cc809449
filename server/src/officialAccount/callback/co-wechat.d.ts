// The part of co-wechat 2.4.0 (untyped) the callback uses: the middleware factory and the
// reply shapes its template renders. See /work/shared/wechat.md §1 for its gotchas.
declare module 'co-wechat' {
  import type { Context, Middleware } from 'koa';

  namespace wechat {
    interface CoWechatConfig {
      token: string;
      appid?: string;
      encodingAESKey?: string;
    }

    /** The parsed push: every top-level element as a trimmed string (nested ones as objects). */
    type CoWechatMessage = Record<string, unknown>;

    /**
     * What a handler may return: '' sends a 0-byte body; a string sends a text reply; an
     * object with `type` sends that message type (`customerService` = transfer).
     */
    type CoWechatReply =
      | string
      | { type: 'image' | 'voice'; content: { mediaId: string } }
      | { type: 'customerService'; kfAccount?: string };

    interface CoWechat {
      middleware(handle: (message: CoWechatMessage, ctx: Context) => Promise<CoWechatReply>): Middleware;
    }
  }

  function wechat(config: wechat.CoWechatConfig | string, isDebug?: boolean): wechat.CoWechat;
  export = wechat;
}
