import type { OfficialAccountContext } from './GatewayContext';
import { callLegacy } from './GatewayContext';
import { LegacyRequestBuilder } from './LegacyRequestBuilder';
import { optionalNumber, requireString } from './wechatFields';

/** A parametric QR code to create. */
export interface QrCodeRequest {
  /** A 32-bit non-zero integer (permanent: 1–100 000) or a 1–64 character string. */
  scene: number | string;
  /** Permanent codes are limited to 100 000 per account; temporary ones expire. */
  permanent?: boolean;
  /** Temporary codes only: lifetime, at most 2 592 000 s (30 days). */
  expireSeconds?: number;
}

/** A created QR code. */
export interface QrCode {
  ticket: string;
  /** The URL the code encodes (for drawing it ourselves). */
  url: string;
  /** Null for permanent codes. */
  expireSeconds: number | null;
  /** Where WeChat serves the code's image (no token needed). */
  imageUrl: string;
}

/** The official account's parametric QR codes (`qrcode/create`). */
export interface OfficialAccountQrCodes {
  createQrCode(request: QrCodeRequest): Promise<QrCode>;
}

/** WeChat's maximum lifetime of a temporary code; also our default (its own default is 60 s). */
const MAX_TEMPORARY_SECONDS = 2_592_000;

/** Parametric QR codes (requests built by wechat-api, which picks the *_STR_SCENE type for strings). */
export function createOfficialAccountQrCodes(context: OfficialAccountContext): OfficialAccountQrCodes {
  const done = LegacyRequestBuilder.done;
  return {
    async createQrCode(request) {
      const json = await callLegacy(context, { path: '/cgi-bin/qrcode/create', idempotent: true }, (api) =>
        request.permanent
          ? api._createLimitQRCode(request.scene, done)
          : api._createTmpQRCode(request.scene, Math.min(request.expireSeconds ?? MAX_TEMPORARY_SECONDS, MAX_TEMPORARY_SECONDS), done),
      );
      const ticket = requireString(json, 'ticket');
      return {
        ticket,
        url: requireString(json, 'url'),
        expireSeconds: optionalNumber(json, 'expire_seconds'),
        imageUrl: context.legacy.showQrCodeUrl(ticket),
      };
    },
  };
}
