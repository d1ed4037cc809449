import { createStaff, staffClient } from '../testing/factories/createStaff';
import type { OfficialAccountHarness } from '../testing/startOfficialAccountHarness';
import type { PushRecord } from '../wechatSimulator/push/PushService';

/** The text a push's reply showed the follower (the decrypted reply in safe mode). */
export function replyText(push: PushRecord): string {
  return push.reply?.Content ?? '';
}

/** The one-time binding token in a reply's member-card link. */
export function bindingTokenIn(text: string): string | null {
  return /oaBind=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? null;
}

/** A signed-in client of a new owner of the harness's store (for the admin routes). */
export async function ownerClient(harness: OfficialAccountHarness): Promise<Awaited<ReturnType<typeof staffClient>>> {
  const account = await createStaff(harness.system, { role: 'owner' });
  return staffClient(harness.server.baseUrl, account.username);
}
