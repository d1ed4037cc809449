import { errors } from '../app/errors';
import { wechatFailure } from '../members/wechatFailure';
import type { System } from '../system/System';
import type { QrCodeImage } from '../wechat/gateway/MiniProgramCodes';
import { SCAN_PAGE } from './storeScenes';

const CACHE_SECONDS = 7 * 86_400;

/**
 * The store's check-in mini-program code (`getwxacodeunlimit`) for its signed scene.
 * The image only depends on the scene, so it is cached in Redis to spare WeChat's quota.
 */
export async function checkInCodeImage(system: System, scene: string): Promise<QrCodeImage> {
  const key = `${system.config.redis.keyPrefix}wxacode:${scene}`;
  const cached = await system.redis.hgetall(key);
  if (cached.type && cached.image) return { contentType: cached.type, image: Buffer.from(cached.image, 'base64') };
  let image: QrCodeImage;
  try {
    // Unpublished pages only exist in development builds, which the simulator stands in for.
    image = await system.wechat.mp.getUnlimitedQrCode({ scene, page: SCAN_PAGE, checkPath: !system.config.wechat.useSimulator });
  } catch (error) {
    throw wechatFailure(error, errors.unprocessable('wxacode_refused', '微信拒绝生成小程序码，请确认小程序已发布')) ?? error;
  }
  await system.redis.multi().hset(key, { type: image.contentType, image: image.image.toString('base64') }).expire(key, CACHE_SECONDS).exec();
  return image;
}
