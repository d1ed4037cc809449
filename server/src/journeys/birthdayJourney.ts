import type { ToyCategory } from '@toyclub/shared';
import { birthdayWindows, calendarDate } from '../segments/childDates';
import { combine, fragment } from '../segments/sqlFragment';
import { pickBirthdayToys, type BirthdayToy } from './birthdayToys';
import type { CandidateQuery, JourneyCandidate, JourneyDefinition } from './JourneyDefinition';
import { reachableMembers } from './journeyScope';

interface ChildRow {
  id: string;
  member_id: string;
  name: string;
  birth_year: number | null;
  birth_month: number;
  birth_day: number;
  interests: string;
  occasion_year: number;
}

function parseInterests(raw: string): ToyCategory[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((item): item is ToyCategory => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Children whose next birthday is today or within `daysBefore` days, of members who gave
 * both the privacy and the separate guardian consent (children's data is sensitive under
 * PIPL), not yet greeted for that birthday. A window is used rather than "exactly N days
 * before" so that a missed night or a shorter setting still greets, once.
 */
async function candidates({ manager, config, now, step, daysBefore, scope }: CandidateQuery): Promise<JourneyCandidate[]> {
  const today = calendarDate(now, config.membership.timeZone);
  const mmdd = today.month * 100 + today.day;
  const windows = combine(
    'or',
    birthdayWindows(today, daysBefore).map((window) => fragment('c.birth_month * 100 + c.birth_day BETWEEN ? AND ?', window.from, window.to)),
  );
  const members = reachableMembers(config, scope);
  const occasionYear = fragment('IF(c.birth_month * 100 + c.birth_day >= ?, ?, ?)', mmdd, today.year, today.year + 1);
  const rows = (await manager.query(
    `SELECT c.id, c.member_id, c.name, c.birth_year, c.birth_month, c.birth_day, c.interests, ${occasionYear.sql} AS occasion_year
       FROM children c JOIN members m ON m.id = c.member_id
      WHERE ${members.sql} AND m.guardian_policy_version = ? AND (${windows.sql})
        AND NOT EXISTS (SELECT 1 FROM journey_enrolments je WHERE je.journey_key = 'birthday' AND je.step = ? AND je.member_id = c.member_id
                         AND je.occasion_key = CONCAT('birthday:', c.id, ':', ${occasionYear.sql}))
      ORDER BY c.member_id, c.id`,
    [...occasionYear.params, ...members.params, config.membership.privacyPolicyVersion, ...windows.params, step, ...occasionYear.params],
  )) as ChildRow[];
  const toyCache = new Map<string, BirthdayToy[]>();
  const byMember = new Map<string, ChildRow[]>();
  for (const row of rows) byMember.set(row.member_id, [...(byMember.get(row.member_id) ?? []), row]);
  const result: JourneyCandidate[] = [];
  for (const children of byMember.values()) {
    // Twins (or two children with birthdays this week) get one message: their parent's one send.
    const first = children[0]!;
    const ageMonths = first.birth_year === null ? null : (Number(first.occasion_year) - first.birth_year) * 12;
    const interests = parseInterests(first.interests);
    const cacheKey = `${ageMonths}|${interests.join(',')}`;
    const toys = toyCache.get(cacheKey) ?? (await pickBirthdayToys(manager, { ageMonths, interests, count: config.journeys.birthday.toyCount }));
    toyCache.set(cacheKey, toys);
    const values: Record<string, string> = {
      childName: children.map((child) => child.name).join('、'),
      birthday: `${first.occasion_year}年${first.birth_month}月${first.birth_day}日`,
      age: ageMonths === null ? '' : `${ageMonths / 12}岁`,
      toys: toys.map((toy) => toy.name).join('、'),
    };
    toys.forEach((toy, index) => {
      values[`toy${index + 1}`] = toy.name;
    });
    for (const child of children) {
      result.push({ memberId: Number(child.member_id), occasionKey: `birthday:${child.id}:${child.occasion_year}`, values });
    }
  }
  return result;
}

/** 生日祝福: a greeting N days before each child's birthday, with toys for the new age. */
export const birthdayJourney: JourneyDefinition = {
  key: 'birthday',
  step: 'greeting',
  name: '生日祝福',
  describe: (_config, daysBefore) => `孩子生日前 ${daysBefore} 天发送生日祝福，并推荐 2-3 件适合新年龄、有库存的玩具（仅限已获监护人同意的会员）`,
  segment: (daysBefore) => ({ op: 'and', rules: [{ kind: 'child_birthday_within', days: daysBefore }] }),
  settings: (config) => config.journeys.birthday,
  candidates,
};
