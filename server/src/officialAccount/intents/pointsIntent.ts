import type { TextHandler } from './TextHandler';
import { pointsAnswer } from './pointsAnswer';

const POINTS = /^(?:查询?|查一下|看看)?(?:我的|我还有多少|还有多少|我有多少|剩余|我)?积分(?:多少|余额|查询|还有多少|是多少|有多少)?(?:呢|啊|呀)?$/;

/** 我的积分 / 积分 / 查积分 / 积分多少: the bound member's balance and expiring points. */
export const pointsIntent: TextHandler = async (request, text) => {
  if (!POINTS.test(text.clean.replace(/\s+/g, ''))) return null;
  return pointsAnswer(request);
};
