import { WechatFailure } from '../core/WechatFailure';
import type { SimContext } from '../SimContext';
import type { WechatRoute } from '../api/WechatRoute';
import { bare, ok } from '../api/WechatRoute';

/**
 * `GET /sns/jscode2session` (single-use wx.login codes: 40029 unknown or expired, 40163
 * used; answers openid, session_key and unionid when the user has one, without errcode) and
 * `POST /wxa/business/getuserphonenumber` (single-use 5-minute codes, 40029; 47001 for a
 * form body).
 */
export function mpLoginRoutes(context: SimContext): WechatRoute[] {
  return [
    {
      method: 'GET',
      path: '/sns/jscode2session',
      auth: 'credentials',
      handle(request) {
        const q = request.query;
        const app = context.apps.mp;
        if (q.get('appid') !== app.appId) throw new WechatFailure(40013);
        if (q.get('secret') !== app.appSecret) throw new WechatFailure(40125);
        if (q.get('grant_type') !== 'authorization_code') throw new WechatFailure(40002);
        const code = q.get('js_code');
        if (!code) throw new WechatFailure(41008);
        context.quotas.consume(app.appId, request.path);
        const user = context.mpUsers.redeemLoginCode(code);
        return bare({
          session_key: user.sessionKey,
          openid: user.openid,
          ...(user.unionid === undefined ? {} : { unionid: user.unionid }),
        });
      },
    },
    {
      method: 'POST',
      path: '/wxa/business/getuserphonenumber',
      auth: 'mp',
      handle(request) {
        // WeChat wants JSON here; a form post is refused even if the fields are right.
        if (request.contentType.includes('x-www-form-urlencoded')) throw new WechatFailure(47001);
        const grant = context.mpUsers.redeemPhoneCode(request.json().code);
        const phoneNumber = grant.countryCode === '86' ? grant.phoneNumber : `+${grant.countryCode}${grant.phoneNumber}`;
        return ok({
          phone_info: {
            phoneNumber,
            purePhoneNumber: grant.phoneNumber,
            countryCode: grant.countryCode,
            watermark: { timestamp: context.clock.nowSeconds(), appid: context.apps.mp.appId },
          },
        });
      },
    },
  ];
}
