import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/configSchema';
import { randomToken, tokenHash } from '../../security/secretTokens';
import { miniProgramLink } from '../replies/miniProgramLink';

/** The query parameter that carries a binding token into the mini-program's card page. */
export const BINDING_QUERY_PARAMETER = 'oaBind';

/** Creates a one-time binding token for `openid` and returns it (only its hash is stored). */
export async function createBindingToken(db: DataSource | EntityManager, config: AppConfig, openid: string, now = new Date()): Promise<string> {
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + config.officialAccount.bindingTokenTtlHours * 3_600_000);
  await db.query('INSERT INTO oa_binding_tokens (openid, token_hash, expires_at) VALUES (?, ?, ?)', [openid, tokenHash(token), expiresAt]);
  return token;
}

/**
 * The link to the member card: with a fresh one-time binding token when the follower is not
 * bound yet (opening it in the mini-program joins the two), a plain link otherwise.
 */
export async function memberCardLink(
  db: DataSource | EntityManager,
  config: AppConfig,
  openid: string,
  bound: boolean,
  label = '打开会员卡',
): Promise<string> {
  if (bound) return miniProgramLink(config, config.officialAccount.memberCardPage, label);
  const token = await createBindingToken(db, config, openid);
  return miniProgramLink(config, config.officialAccount.memberCardPage, label, { [BINDING_QUERY_PARAMETER]: token });
}
