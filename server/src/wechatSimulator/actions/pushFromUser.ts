import type { SimContext } from '../SimContext';
import type { PushMode } from '../simulatorOptions';
import { parseWechatXml } from '../push/parseWechatXml';
import type { PushRecord } from '../push/PushService';
import { userMessageXml } from '../push/userMessageXml';
import type { UserMessageInput } from '../push/userMessageXml';

/** A user-side push: ready XML, or the parts to build it from. */
export type UserPushInput = ({ openid: string; xml: string } | UserMessageInput) & {
  /** true = safe mode, false = plain; the simulator's mode when omitted. */
  encrypt?: boolean;
  mode?: PushMode;
};

/** Applies what the message means to the follower list: follows, unfollows, interactions. */
function applyToFollower(context: SimContext, fields: Record<string, string>): void {
  const openid = fields.FromUserName;
  if (!openid) return;
  const event = fields.MsgType === 'event' ? fields.Event : undefined;
  if (event === 'subscribe') {
    const key = fields.EventKey ?? '';
    context.followers.subscribe(openid, key.startsWith('qrscene_') ? key.slice('qrscene_'.length) : undefined);
  } else if (event === 'unsubscribe') {
    context.followers.unsubscribe(openid);
  } else {
    // Only followers can write to the account: an unknown sender is a follower we had not seeded.
    const follower = context.followers.get(openid) ?? context.followers.upsert({ openid });
    context.followers.interacted(follower);
  }
}

/**
 * Delivers what a user did to our server, as WeChat would (plain or AES, with retries), and
 * updates the simulator's view of that follower first.
 */
export async function pushFromUser(context: SimContext, input: UserPushInput): Promise<PushRecord> {
  const xml =
    'xml' in input
      ? input.xml
      : userMessageXml(context.apps.oa, input, context.msgIds.nextId(), context.clock.nowSeconds());
  applyToFollower(context, parseWechatXml(xml));
  const mode = input.mode ?? (input.encrypt === undefined ? undefined : input.encrypt ? 'safe' : 'plain');
  return context.push.deliver({ app: 'oa', xml, openid: input.openid, mode });
}
