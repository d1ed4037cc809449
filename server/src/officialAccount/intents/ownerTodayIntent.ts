import { followerProfile } from '../followers/followerProfile';
import { ownerFiguresTask } from '../jobs/OwnerFiguresTask';
import { emptyAnswer } from '../replies/Reply';
import type { TextHandler } from './TextHandler';

const TODAY = /^(?:今日|今天)(?:数据|概况|报表|经营)?$/;

/** Whether the member is an active owner or manager (the roles that may read the store's figures). */
async function isOwnerOrManager(request: Parameters<TextHandler>[0], memberId: string): Promise<boolean> {
  const rows = (await request.system.dataSource.query(
    "SELECT role FROM staff_accounts WHERE member_id = ? AND active = 1 AND role IN ('owner', 'manager')",
    [memberId],
  )) as unknown[];
  return rows.length > 0;
}

/**
 * "今日" from a follower bound to an owner or manager: today's figures, counted by a worker
 * and sent as a customer-service message. From anyone else it is not a command.
 */
export const ownerTodayIntent: TextHandler = async (request, text) => {
  if (!TODAY.test(text.clean.replace(/\s+/g, ''))) return null;
  const profile = await followerProfile(request.system.dataSource, request.message.openid);
  if (!profile.memberId || !(await isOwnerOrManager(request, profile.memberId))) return null;
  const { openid } = request.message;
  return emptyAnswer([(system) => system.scheduler.schedule(ownerFiguresTask, { openid, key: request.dedupKey })]);
};
