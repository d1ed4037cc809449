import { z } from 'zod';
import type { SimContext } from '../SimContext';
import type { ControlRoute } from './controlRoute';
import { controlRoute, ControlError } from './controlRoute';

/** A follower as a test describes it. */
export const followerSchema = z.object({
  openid: z.string().min(1).max(128),
  unionid: z.string().min(1).max(128).optional(),
  nickname: z.string().max(64).optional(),
  subscribed: z.boolean().optional(),
  /** Refuses templates: TEMPLATESENDJOBFINISH reports `failed:user block`. */
  blocking: z.boolean().optional(),
  /** Template deliveries report `failed: system failed`. */
  systemFailure: z.boolean().optional(),
  /** Epoch ms of the last interaction (48-hour window); null for none. */
  lastInteractionAt: z.number().int().nonnegative().nullable().optional(),
});

const followersBody = z.union([followerSchema, z.object({ followers: z.array(followerSchema).min(1).max(100_000) })]);

const bulkBody = z.object({
  prefix: z.string().min(1).max(100),
  count: z.number().int().positive().max(2_000_000),
  subscribed: z.boolean().optional(),
});

/**
 * `POST /__sim/followers` (one follower or `{followers: [...]}`), `POST /__sim/followers/bulk`
 * (`prefix` + `count` → openids prefix0..prefixN-1, for load tests) and
 * `GET /__sim/followers[?openid=]`.
 */
export function followerControl(context: SimContext): ControlRoute[] {
  return [
    controlRoute('POST', '/__sim/followers', followersBody, (body) => {
      if ('followers' in body) {
        body.followers.forEach((follower) => context.followers.upsert(follower));
        return { status: 201, body: { count: body.followers.length } };
      }
      return { status: 201, body: context.followers.upsert(body) };
    }),
    controlRoute('POST', '/__sim/followers/bulk', bulkBody, (body) => {
      for (let index = 0; index < body.count; index += 1) {
        context.followers.upsert({ openid: `${body.prefix}${index}`, subscribed: body.subscribed ?? true });
      }
      return { status: 201, body: { count: body.count, first: `${body.prefix}0`, last: `${body.prefix}${body.count - 1}` } };
    }),
    controlRoute('GET', '/__sim/followers', z.unknown(), (_body, query) => {
      const openid = query.get('openid');
      if (openid) {
        const follower = context.followers.get(openid);
        if (!follower) throw new ControlError(404, 'unknown_follower', `no follower ${openid}`);
        return { body: follower };
      }
      const all = context.followers.list();
      const limit = Number(query.get('limit') ?? 1000);
      return { body: { total: all.length, followers: all.slice(0, limit) } };
    }),
  ];
}
