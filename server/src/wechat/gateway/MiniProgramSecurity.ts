import type { GatewayContext } from './GatewayContext';
import { callJson } from './GatewayContext';
import type { WechatJson } from './parseWechatJson';
import { objectArray, objectField, optionalNumber, optionalString, requireString } from './wechatFields';

/** Where the checked content appears: 1 profile, 2 comment, 3 forum post, 4 social log. */
export type ContentScene = 1 | 2 | 3 | 4;

/** WeChat's verdict. */
export type ContentSuggestion = 'pass' | 'review' | 'risky';

/** Text to check with `wxa/msg_sec_check` (version 2). */
export interface TextCheckRequest {
  openid: string;
  scene: ContentScene;
  /** ≤ 2500 characters. */
  content: string;
  title?: string;
  nickname?: string;
  signature?: string;
}

/** One strategy's finding. */
export interface ContentCheckDetail {
  strategy: string | null;
  suggest: string | null;
  label: number | null;
  prob: number | null;
  keyword: string | null;
}

/** The overall verdict and the details behind it. */
export interface TextCheckResult {
  traceId: string;
  suggest: ContentSuggestion;
  /** 100 normal, 10001 ads, 20001 politics, 20002 porn, 20003 abuse, 20006 illegal, 20008 fraud, 20012 vulgar, 20013 copyright, 21000 other. */
  label: number;
  details: ContentCheckDetail[];
}

/** An image or audio to check asynchronously (the verdict arrives as a `wxa_media_check` event). */
export interface MediaCheckRequest {
  openid: string;
  scene: ContentScene;
  mediaUrl: string;
  mediaType: 'audio' | 'image';
}

/** Mini-program content security. */
export interface MiniProgramSecurity {
  /** 61010 (member inactive) and 40129 come back with action `rejectInput`. */
  checkText(request: TextCheckRequest): Promise<TextCheckResult>;
  /** Queues a check; the returned trace id matches the later event. */
  checkMediaAsync(request: MediaCheckRequest): Promise<{ traceId: string }>;
}

function suggestion(value: string | null): ContentSuggestion {
  // An unknown verdict is treated as needing review rather than as a pass.
  return value === 'pass' || value === 'risky' ? value : 'review';
}

function detail(json: WechatJson): ContentCheckDetail {
  return {
    strategy: optionalString(json, 'strategy'),
    suggest: optionalString(json, 'suggest'),
    label: optionalNumber(json, 'label'),
    prob: optionalNumber(json, 'prob'),
    keyword: optionalString(json, 'keyword'),
  };
}

/** Content security checks (hand-written: wechat-api predates them). */
export function createMiniProgramSecurity(context: GatewayContext): MiniProgramSecurity {
  return {
    async checkText(request) {
      const json = await callJson(context, {
        method: 'POST',
        path: '/wxa/msg_sec_check',
        idempotent: true,
        body: {
          version: 2,
          openid: request.openid,
          scene: request.scene,
          content: request.content,
          title: request.title,
          nickname: request.nickname,
          signature: request.signature,
        },
      });
      const result = objectField(json, 'result');
      return {
        traceId: requireString(json, 'trace_id'),
        suggest: suggestion(optionalString(result, 'suggest')),
        label: optionalNumber(result, 'label') ?? 100,
        details: objectArray(json, 'detail').map(detail),
      };
    },

    async checkMediaAsync(request) {
      const json = await callJson(context, {
        method: 'POST',
        path: '/wxa/media_check_async',
        idempotent: false,
        body: {
          version: 2,
          openid: request.openid,
          scene: request.scene,
          media_url: request.mediaUrl,
          media_type: request.mediaType === 'audio' ? 1 : 2,
        },
      });
      return { traceId: requireString(json, 'trace_id') };
    },
  };
}
