import { errors } from '../../app/errors';
import type { AppContext, AppMiddleware } from '../../app/appTypes';
import { WechatCryptoError, isValidWechatSignature, openWechatMessage } from '../../wechat/crypto';
import { assertSafeXml, readXmlBody } from './readXmlBody';

function queryString(ctx: AppContext, name: string): string | undefined {
  const value = ctx.query[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 512 ? value : undefined;
}

const invalidSignature = () => errors.unauthorized('invalid_signature', '签名校验失败');

/**
 * Everything co-wechat does not check, done before it runs: the signature (GET and POST),
 * in safe mode the `msg_signature` and that the decrypted appid is ours, and the body's
 * size and shape. A refused push gets a 4xx and reaches no handler. The body is handed to
 * co-wechat as `ctx.request.body` (it uses a string body instead of reading the stream).
 */
export function callbackGuard(): AppMiddleware {
  return async (ctx, next) => {
    const { oa } = ctx.system.config.wechat;
    const timestamp = queryString(ctx, 'timestamp');
    const nonce = queryString(ctx, 'nonce');
    if (!timestamp || !nonce) throw errors.badRequest('missing_signature_fields', '缺少签名参数');
    // WeChat sends the plain signature in both modes; in safe mode a missing one is tolerated.
    const signature = queryString(ctx, 'signature');
    const safeMode = ctx.method === 'POST' && ctx.query.encrypt_type === 'aes';
    if ((signature || !safeMode) && !isValidWechatSignature(signature, oa.token, timestamp, nonce)) throw invalidSignature();

    if (ctx.method === 'GET') {
      if (!queryString(ctx, 'echostr')) throw errors.badRequest('missing_echostr', '缺少 echostr');
      return next();
    }
    const xml = await readXmlBody(ctx, ctx.system.config.officialAccount.maxBodyBytes);
    if (safeMode) {
      const msgSignature = queryString(ctx, 'msg_signature');
      if (!msgSignature) throw invalidSignature();
      try {
        const inner = openWechatMessage({ token: oa.token, encodingAesKey: oa.aesKey, appId: oa.appId, body: xml, timestamp, nonce, msgSignature });
        assertSafeXml(inner);
      } catch (error) {
        if (!(error instanceof WechatCryptoError)) throw error;
        if (error.problem === 'bad_signature' || error.problem === 'appid_mismatch') throw invalidSignature();
        throw errors.badRequest('invalid_ciphertext', '加密消息无法解密');
      }
    }
    ctx.request.body = xml;
    return next();
  };
}
