import { formatAgeMonths, formatAgeRange } from '../../catalogue/formatAge';
import type { ToySummary } from '../../catalogue/ToyIndex';
import { followerProfile } from '../followers/followerProfile';
import type { ChildAge } from './childAges';
import { childAgesOf } from './childAges';
import type { TextHandler } from './TextHandler';
import { answerAboutToy, toyPartOf } from './toyQuestion';

const AGE_QUESTION =
  /^(.*?)\s*(?:适合几岁|适合多大|适合多少岁|几岁可以玩|多大可以玩|几岁能玩|多大能玩|几岁玩|多大玩|适龄|适合什么年龄|适合的年龄)(?:的?(?:孩子|小孩|宝宝))?(?:吗|呢|啊|呀)?$/u;

/** Whether a toy suits a child of `ageMonths`, in words. */
export function fitFor(toy: ToySummary, child: ChildAge): string {
  if (child.ageMonths === null) return `${child.name}：没有填写出生年份，暂时无法判断`;
  const age = formatAgeMonths(child.ageMonths);
  if (toy.minAgeMonths !== null && child.ageMonths < toy.minAgeMonths) {
    return `${child.name}（${age}）：还小一点，建议${formatAgeMonths(toy.minAgeMonths)}以后再玩`;
  }
  if (toy.maxAgeMonths !== null && child.ageMonths > toy.maxAgeMonths) return `${child.name}（${age}）：可能偏简单了`;
  return `${child.name}（${age}）：正合适 👍`;
}

/** "<toy> 适合几岁": the toy's age range and, for a member with children, whether it suits each child now. */
export const toyAgeIntent: TextHandler = async (request, text) => {
  const toyPart = toyPartOf(text.clean, AGE_QUESTION);
  if (toyPart === null) return null;
  const { config, dataSource } = request.system;
  return answerAboutToy(request, toyPart, '适合几岁', async (toy) => {
    const lines = [`${toy.name}：适合${formatAgeRange(toy.minAgeMonths, toy.maxAgeMonths)}。`];
    const profile = await followerProfile(dataSource, request.message.openid);
    if (profile.memberId) {
      const children = await childAgesOf(dataSource, profile.memberId, config.membership.timeZone);
      if (children.length > 0 && (toy.minAgeMonths !== null || toy.maxAgeMonths !== null)) lines.push(...children.map((child) => `· ${fitFor(toy, child)}`));
    }
    return lines.join('\n');
  });
};
