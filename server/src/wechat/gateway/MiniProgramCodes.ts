import type { GatewayContext } from './GatewayContext';
import { jsonRequest } from './WechatCall';

/** A mini-program code for `wxa/getwxacodeunlimit`. */
export interface UnlimitedQrCodeRequest {
  /** ≤ 32 visible characters of [0-9A-Za-z!#$&'()*+,/:;=?@-._~]; the page reads it from `options.scene`. */
  scene: string;
  /** A published page, without leading slash or query (the home page when omitted). */
  page?: string;
  /** Refuse unpublished pages (WeChat's default true; false for trial and develop versions). */
  checkPath?: boolean;
  envVersion?: 'release' | 'trial' | 'develop';
  /** 280–1280 px (430). */
  width?: number;
  isHyaline?: boolean;
}

/** The code's image as WeChat sent it (JPEG from WeChat). */
export interface QrCodeImage {
  contentType: string;
  image: Buffer;
}

/** Mini-program codes. */
export interface MiniProgramCodes {
  /**
   * An unlimited mini-program code. WeChat answers an image on success and JSON on
   * failure (41030 bad page, 40169 bad scene: action `rejectInput`; 45009).
   */
  getUnlimitedQrCode(request: UnlimitedQrCodeRequest): Promise<QrCodeImage>;
}

const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/** Mini-program codes (hand-written: wechat-api predates them). */
export function createMiniProgramCodes(context: GatewayContext): MiniProgramCodes {
  return {
    async getUnlimitedQrCode(request) {
      // Caught here rather than spending a call on 40169.
      if (!SCENE.test(request.scene)) throw new RangeError(`invalid mini-program code scene: ${JSON.stringify(request.scene)}`);
      const path = '/wxa/getwxacodeunlimit';
      return await context.client.image({
        app: context.app,
        path,
        authenticated: true,
        idempotent: true,
        build: jsonRequest(context.apiBase, {
          method: 'POST',
          path,
          body: {
            scene: request.scene,
            page: request.page,
            check_path: request.checkPath,
            env_version: request.envVersion,
            width: request.width,
            is_hyaline: request.isHyaline,
          },
        }),
      });
    },
  };
}
