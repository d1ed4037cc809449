import type { PushRecord } from '../wechatSimulator/push/PushService';

/** The text a push's reply showed the follower (the decrypted reply in safe mode). */
export function replyText(push: PushRecord): string {
  return push.reply?.Content ?? '';
}

/** The one-time binding token in a reply's member-card link. */
export function bindingTokenIn(text: string): string | null {
  return /oaBind=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;
}
