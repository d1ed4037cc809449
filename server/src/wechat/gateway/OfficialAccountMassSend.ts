import type { GatewayContext } from './GatewayContext';
import { callJson } from './GatewayContext';
import { WechatApiError } from './WechatApiError';
import { requireIdString } from './parseWechatJson';
import { optionalId, requireString } from './wechatFields';

/** What a mass send carries: plain text, or an article saved as a draft (`mpnews`). */
export type MassSendContent = { type: 'text'; text: string } | { type: 'mpnews'; mediaId: string };

/** A mass send to everyone carrying a tag. */
export interface MassSendToTag {
  tagId: number;
  content: MassSendContent;
  /**
   * Idempotency key (`clientmsgid`, ≤ 64 bytes, kept by WeChat for 24 h). A repeat with the
   * same key answers with the first job's `msg_id` instead of sending again.
   */
  clientMsgId?: string;
  /** For `mpnews`: send even when WeChat judges the article a reprint (default false). */
  sendIgnoreReprint?: boolean;
}

/** The job WeChat accepted; `duplicate` when the clientMsgId had already been used (45065). */
export interface MassSendJob {
  msgId: string;
  msgDataId: string | null;
  duplicate: boolean;
}

/** One article of a draft. */
export interface DraftArticle {
  title: string;
  /** HTML body. */
  content: string;
  thumbMediaId: string;
  author?: string;
  digest?: string;
  contentSourceUrl?: string;
  needOpenComment?: boolean;
  onlyFansCanComment?: boolean;
}

/** Mass sends and the drafts they carry. */
export interface OfficialAccountMassSend {
  /** `message/mass/sendall` with `filter.tag_id` (wechat-api only knows legacy `group_id`). */
  massSendToTag(send: MassSendToTag): Promise<MassSendJob>;
  /** `draft/add` → the draft's media id, usable as `mpnews` content. */
  addDraft(articles: DraftArticle[]): Promise<{ mediaId: string }>;
}

function contentBody(content: MassSendContent): Record<string, unknown> {
  return content.type === 'text'
    ? { msgtype: 'text', text: { content: content.text } }
    : { msgtype: 'mpnews', mpnews: { media_id: content.mediaId } };
}

/** The official account's mass sends. */
export function createOfficialAccountMassSend(context: GatewayContext): OfficialAccountMassSend {
  return {
    async massSendToTag(send) {
      try {
        const json = await callJson(context, {
          method: 'POST',
          path: '/cgi-bin/message/mass/sendall',
          idempotent: false,
          clientMsgId: send.clientMsgId,
          body: {
            filter: { is_to_all: false, tag_id: send.tagId },
            ...contentBody(send.content),
            send_ignore_reprint: send.sendIgnoreReprint ? 1 : 0,
            clientmsgid: send.clientMsgId,
          },
        });
        return { msgId: requireIdString(json.msg_id, 'msg_id'), msgDataId: optionalId(json, 'msg_data_id'), duplicate: false };
      } catch (error) {
        // 45065: this clientmsgid was already accepted; the earlier job stands.
        if (error instanceof WechatApiError && error.action === 'alreadyDone' && error.existingMsgId !== null) {
          return { msgId: error.existingMsgId, msgDataId: null, duplicate: true };
        }
        throw error;
      }
    },

    async addDraft(articles) {
      const json = await callJson(context, {
        method: 'POST',
        path: '/cgi-bin/draft/add',
        idempotent: false,
        body: {
          articles: articles.map((article) => ({
            title: article.title,
            author: article.author,
            digest: article.digest,
            content: article.content,
            content_source_url: article.contentSourceUrl,
            thumb_media_id: article.thumbMediaId,
            need_open_comment: article.needOpenComment ? 1 : 0,
            only_fans_can_comment: article.onlyFansCanComment ? 1 : 0,
          })),
        },
      });
      return { mediaId: requireString(json, 'media_id') };
    },
  };
}
