import type { SegmentDefinition, SegmentRule } from '@toyclub/shared';
import type { System } from '../system/System';
import { Child } from '../children/Child';
import { createTestSystem } from '../testing/createTestSystem';
import { createMember } from '../testing/factories/createMember';
import { createStore } from '../testing/factories/createStore';
import { definitionAudience } from './segmentAudience';
import { buildSegmentFixture, type SegmentFixture } from './segmentFixture';

describe('segment compiler against a hand-computed fixture', () => {
  let system: System;
  let fixture: SegmentFixture;

  beforeAll(async () => {
    system = await createTestSystem();
    fixture = await buildSegmentFixture(system);
  });

  afterAll(async () => {
    await system.close();
  });

  /** The fixture members a rule selects (by letter), checked against its count too. */
  async function members(rule: SegmentRule | SegmentDefinition): Promise<string> {
    const audience = definitionAudience({ manager: system.dataSource.manager, config: system.config, definition: fixture.scoped(rule) });
    const ids = await audience.page(0, 100);
    expect(await audience.count()).toBe(ids.length);
    return ids.map((id) => fixture.nameOf.get(String(id)) ?? '?').sort().join('');
  }

  it.each<[string, SegmentRule, string]>([
    ['高频低客单', { kind: 'builtin', segment: 'high_freq_low_ticket' }, 'A'],
    ['低频高客单', { kind: 'builtin', segment: 'low_freq_high_ticket' }, 'BD'],
    ['高价值', { kind: 'builtin', segment: 'high_value' }, 'C'],
    ['重要发展', { kind: 'builtin', segment: 'developing' }, 'D'],
    ['普通', { kind: 'builtin', segment: 'regular' }, 'ABF'],
    ['沉默', { kind: 'builtin', segment: 'dormant' }, 'E'],
    ['流失风险', { kind: 'builtin', segment: 'churn_risk' }, 'F'],
    ['新会员', { kind: 'builtin', segment: 'new_member' }, 'G'],
  ])('built-in %s', async (_label, rule, expected) => {
    expect(await members(rule)).toBe(expected);
  });

  it.each<[string, SegmentRule, string]>([
    ['tier', { kind: 'tier', tiers: ['diamond'] }, 'G'],
    ['total spend ≥ 1000 元', { kind: 'spend', window: 'total', minFen: 100_000 }, 'CD'],
    ['365-day spend ≤ 200 元 (no purchases count as 0)', { kind: 'spend', window: '365d', maxFen: 20_000 }, 'EFGHIJ'],
    ['365-day spend 500-3500 元', { kind: 'spend', window: '365d', minFen: 50_000, maxFen: 350_000 }, 'ABD'],
    ['≥ 3 purchases in 90 days', { kind: 'frequency', window: '90d', min: 3 }, 'ACF'],
    ['at most 1 purchase in 365 days', { kind: 'frequency', window: '365d', max: 1 }, 'BDEGHIJ'],
    ['30-100 days since the last purchase', { kind: 'days_since_last_purchase', min: 30, max: 100 }, 'BDF'],
    ['a child of 24-36 months', { kind: 'child_age_months', min: 24, max: 36 }, 'H'],
    ['a child of at most 29 months', { kind: 'child_age_months', max: 29 }, ''],
    ['a child’s birthday within 7 days', { kind: 'child_birthday_within', days: 7 }, 'I'],
    ['a child’s birthday within 2 days', { kind: 'child_birthday_within', days: 2 }, ''],
    ['registration channel', { kind: 'registration_channel', channels: ['x', 'ignored'] }, ''],
    ['reachable on the official account', { kind: 'reachability', channel: 'official_account', reachable: true }, 'A'],
    ['not reachable on the official account', { kind: 'reachability', channel: 'official_account', reachable: false }, 'BCDEFGHIJ'],
    ['reachable in the mini-program', { kind: 'reachability', channel: 'mini_program', reachable: true }, 'ABCDEFGHIJ'],
  ])('rule: %s', async (_label, rule, expected) => {
    expect(await members(rule)).toBe(expected);
  });

  it('matches the registration channel, tags and store of the fixture, never the deleted member', async () => {
    expect(await members({ kind: 'registration_channel', channels: [fixture.channel] })).toBe('J');
    expect(await members({ kind: 'tag', tagIds: [fixture.tagId] })).toBe('J');
  });

  it('combines rules with and/or, nested', async () => {
    const regularAndFrequent: SegmentDefinition = {
      op: 'and',
      rules: [
        { kind: 'builtin', segment: 'regular' },
        { kind: 'frequency', window: '90d', min: 3 },
      ],
    };
    expect(await members(regularAndFrequent)).toBe('AF');
    expect(await members({ op: 'or', rules: [regularAndFrequent, { kind: 'tier', tiers: ['diamond'] }] })).toBe('AFG');
    expect(
      await members({
        op: 'and',
        rules: [
          { op: 'or', rules: [{ kind: 'builtin', segment: 'dormant' }, { kind: 'builtin', segment: 'churn_risk' }, { kind: 'builtin', segment: 'high_value' }] },
          { op: 'or', rules: [{ kind: 'spend', window: 'total', maxFen: 20_000 }, { op: 'and', rules: [{ kind: 'frequency', window: '365d', min: 4 }] }] },
        ],
      }),
    ).toBe('CF');
  });

  it('finds birthdays across the new year, and keeps an OR of windows inside the child’s member', async () => {
    const store = fixture.storeId;
    const child = async (month: number, day: number): Promise<string> => {
      const { member } = await createMember(system, { registrationStoreId: String(store), guardianConsented: true });
      await system.dataSource.getRepository(Child).insert({ memberId: member.id, name: '宝', birthYear: 2020, birthMonth: month, birthDay: day, gender: null, interests: [] });
      return member.id;
    };
    const january = await child(1, 2);
    const december = await child(12, 30);
    await child(6, 15);
    // 12:00 on Dec 28 in Shanghai: the 7-day window runs Dec 28 - Jan 4.
    const now = new Date('2026-12-28T04:00:00Z');
    const audience = definitionAudience({
      manager: system.dataSource.manager,
      config: system.config,
      definition: fixture.scoped({ kind: 'child_birthday_within', days: 7 }),
      now,
    });
    expect(await audience.page(0, 100)).toEqual([Number(january), Number(december)].sort((a, b) => a - b));
    expect(await audience.count()).toBe(2);
  });

  /** Members of a store of their own, one per child birth date (year null for none), by label. */
  async function childrenAt(births: Record<string, [year: number | null, month: number, day: number]>) {
    const { store } = await createStore(system);
    const labelOf = new Map<number, string>();
    for (const [label, [birthYear, birthMonth, birthDay]] of Object.entries(births)) {
      const { member } = await createMember(system, { registrationStoreId: store.id, guardianConsented: true });
      await system.dataSource.getRepository(Child).insert({ memberId: member.id, name: label, birthYear, birthMonth, birthDay, gender: null, interests: [] });
      labelOf.set(Number(member.id), label);
    }
    return async (rule: SegmentRule, now: Date): Promise<string[]> => {
      const definition: SegmentDefinition = { op: 'and', rules: [{ kind: 'registration_store', storeIds: [Number(store.id)] }, rule] };
      const audience = definitionAudience({ manager: system.dataSource.manager, config: system.config, definition, now });
      const ids = await audience.page(0, 100);
      expect(await audience.count()).toBe(ids.length);
      return ids.map((id) => labelOf.get(id) ?? '?').sort();
    };
  }

  it('keeps the generated birth date and birthday key right on insert and update', async () => {
    const { member } = await createMember(system, { guardianConsented: true });
    const children = system.dataSource.getRepository(Child);
    await children.insert({ memberId: member.id, name: '闰', birthYear: 2020, birthMonth: 2, birthDay: 29, gender: null, interests: [] });
    await children.insert({ memberId: member.id, name: '无年', birthYear: null, birthMonth: 12, birthDay: 31, gender: null, interests: [] });
    const read = async () => (await children.find({ where: { memberId: member.id }, order: { id: 'ASC' } })).map((child) => [child.birthDate, child.birthdayMmdd]);
    expect(await read()).toEqual([
      ['2020-02-29', 229],
      [null, 1231],
    ]);
    const [leap] = await children.find({ where: { memberId: member.id }, order: { id: 'ASC' } });
    await children.update({ id: leap!.id }, { birthYear: 2021, birthMonth: 3, birthDay: 1 });
    expect((await read())[0]).toEqual(['2021-03-01', 301]);
  });

  it('counts a child’s age in whole months, up to the day, with short months clamped', async () => {
    const ages = await childrenAt({
      born0228: [2026, 2, 28], // 1 month old on 31 March (no "31 February")
      born0301: [2026, 3, 1], // 0 months
      born20230331: [2023, 3, 31], // 36 months today
      born20230401: [2023, 4, 1], // 35 months
      born20230330: [2023, 3, 30], // 36 months
      noYear: [null, 3, 31],
    });
    // Noon on 31 March 2026 in Shanghai.
    const now = new Date('2026-03-31T04:00:00Z');
    expect(await ages({ kind: 'child_age_months', min: 1, max: 1 }, now)).toEqual(['born0228']);
    expect(await ages({ kind: 'child_age_months', max: 0 }, now)).toEqual(['born0301']);
    expect(await ages({ kind: 'child_age_months', min: 36 }, now)).toEqual(['born20230330', 'born20230331']);
    expect(await ages({ kind: 'child_age_months', min: 2, max: 35 }, now)).toEqual(['born20230401']);
    // A day earlier the child born on 31 March 2023 is still 35 months old, the one born on the 30th is 36.
    expect(await ages({ kind: 'child_age_months', max: 35 }, new Date('2026-03-30T04:00:00Z'))).toEqual(['born0228', 'born0301', 'born20230331', 'born20230401']);
  });

  it('finds a 29 February birthday on 28 February across the year end, and on the day itself in a leap year', async () => {
    const birthdays = await childrenAt({ dec30: [2019, 12, 30], dec31: [2019, 12, 31], feb29: [2020, 2, 29], mar1: [2020, 3, 1], feb29NoYear: [null, 2, 29] });
    // Noon on 31 December 2026 in Shanghai: 59 days run to 28 February 2027, which has no 29th.
    const newYearsEve2026 = new Date('2026-12-31T04:00:00Z');
    expect(await birthdays({ kind: 'child_birthday_within', days: 59 }, newYearsEve2026)).toEqual(['dec31', 'feb29', 'feb29NoYear']);
    expect(await birthdays({ kind: 'child_birthday_within', days: 58 }, newYearsEve2026)).toEqual(['dec31']);
    // A year later 59 days run to 28 February 2028: the 29th is a day of its own, outside.
    const newYearsEve2027 = new Date('2027-12-31T04:00:00Z');
    expect(await birthdays({ kind: 'child_birthday_within', days: 59 }, newYearsEve2027)).toEqual(['dec31']);
    expect(await birthdays({ kind: 'child_birthday_within', days: 60 }, newYearsEve2027)).toEqual(['dec31', 'feb29', 'feb29NoYear']);
  });

  it('binds values instead of splicing them into the SQL', async () => {
    expect(await members({ kind: 'registration_channel', channels: ["x' OR '1'='1"] })).toBe('');
    expect(await members({ kind: 'tier', tiers: ['normal) OR (1=1'] })).toBe('');
  });
});
