import type { SegmentDefinition, SegmentRule } from '@toyclub/shared';
import type { System } from '../system/System';
import { Child } from '../children/Child';
import { createTestSystem } from '../testing/createTestSystem';
import { createMember } from '../testing/factories/createMember';
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

  it('binds values instead of splicing them into the SQL', async () => {
    expect(await members({ kind: 'registration_channel', channels: ["x' OR '1'='1"] })).toBe('');
    expect(await members({ kind: 'tier', tiers: ['normal) OR (1=1'] })).toBe('');
  });
});
