import type { QrCheckIn } from '../followers/checkInByQr';

/** The line a check-in adds to the reply. */
export function checkInLine(outcome: QrCheckIn): string {
  if (outcome.kind === 'already_today') return '今天已经签到过了，明天再来哦～';
  return outcome.points > 0 ? `签到成功，获得 ${outcome.points} 积分，当前共 ${outcome.balanceAfter} 分！` : '签到成功！';
}
