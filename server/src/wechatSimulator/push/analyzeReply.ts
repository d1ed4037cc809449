import { openWechatMessage, readEnvelopeField } from '../../wechat/crypto';
import type { SimApp } from '../SimContext';
import type { PushMode } from '../simulatorOptions';
import { parseWechatXml, parseWechatXmlFragment } from './parseWechatXml';

/** How WeChat took our server's in-time answer. */
export interface ReplyAnalysis {
  outcome: 'success' | 'empty' | 'reply' | 'invalid_reply';
  /** What the user sees: nothing, our reply, or "该公众号暂时无法提供服务，请稍后再试". */
  userSees: 'nothing' | 'reply' | 'error_prompt';
  /** The reply's plaintext XML (decrypted in safe mode) and its fields. */
  replyXml?: string;
  reply?: Record<string, string>;
  /** Why the reply was refused. */
  problem?: string;
}

const REPLY_TYPES = new Set(['text', 'image', 'voice', 'video', 'music', 'news', 'transfer_customer_service']);

function invalid(problem: string, replyXml?: string): ReplyAnalysis {
  return { outcome: 'invalid_reply', userSees: 'error_prompt', problem, replyXml };
}

function plaintextOf(app: SimApp, mode: PushMode, body: string): { xml: string } | { problem: string } {
  const encrypt = readEnvelopeField(body, 'Encrypt');
  if (encrypt === undefined) return mode === 'safe' ? { problem: 'plaintext reply in safe mode' } : { xml: body };
  if (mode === 'plain') return { problem: 'encrypted reply in plain mode' };
  try {
    const xml = openWechatMessage({
      token: app.token,
      encodingAesKey: app.aesKey,
      appId: app.appId,
      body,
      timestamp: readEnvelopeField(body, 'TimeStamp') ?? '',
      nonce: readEnvelopeField(body, 'Nonce') ?? '',
      msgSignature: readEnvelopeField(body, 'MsgSignature') ?? '',
    });
    return { xml };
  } catch (error) {
    return { problem: `encrypted reply refused: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The first problem of a passive reply's fields, if any (what WeChat would refuse). */
function replyProblem(reply: Record<string, string>, push: Record<string, string>): string | undefined {
  if (reply.ToUserName !== push.FromUserName) return 'ToUserName is not the user who wrote';
  if (reply.FromUserName !== push.ToUserName) return 'FromUserName is not the account';
  if (!/^\d+$/.test(reply.CreateTime ?? '')) return 'CreateTime is not an integer';
  if (!REPLY_TYPES.has(reply.MsgType ?? '')) return `unsupported MsgType ${reply.MsgType ?? '(none)'}`;
  // An empty Content makes WeChat show its error prompt (wechatpy#161).
  if (reply.MsgType === 'text' && !reply.Content) return 'empty Content';
  if (reply.MsgType === 'image' && !parseWechatXmlFragment(reply.Image ?? '').MediaId) return 'image without MediaId';
  return undefined;
}

/**
 * Judges an in-time answer: `success` or a 0-byte body end the push silently; anything else
 * must be a well-formed passive reply (encrypted in safe mode), or the user sees WeChat's
 * error prompt.
 */
export function analyzeReply(app: SimApp, mode: PushMode, push: Record<string, string>, body: string): ReplyAnalysis {
  if (body.length === 0) return { outcome: 'empty', userSees: 'nothing' };
  if (body === 'success') return { outcome: 'success', userSees: 'nothing' };
  const plain = plaintextOf(app, mode, body);
  if ('problem' in plain) return invalid(plain.problem);
  let reply: Record<string, string>;
  try {
    reply = parseWechatXml(plain.xml);
  } catch {
    return invalid('reply is not XML', plain.xml);
  }
  const problem = replyProblem(reply, push);
  if (problem) return { ...invalid(problem, plain.xml), reply };
  return { outcome: 'reply', userSees: 'reply', replyXml: plain.xml, reply };
}
