/**
 * Segment preview on the bench database's members (seed a million first with
 * bench/seedMembers.ts; the bench seeds them itself when fewer are there): each
 * definition's preview (count and sample, through the real compiler and previewer) is
 * timed against the baseline measured in the same run, a bare mysql2
 * `SELECT COUNT(*) FROM members m LEFT JOIN member_stats s ... WHERE m.deleted_at IS NULL`
 * over the same join (whatever index MariaDB answers that with). Prints the median of
 * several runs, the ratio, and the plans of the count query and of the sample's queries
 * (the newest ids by primary key, then the rest without walking it).
 */
import mysql from 'mysql2/promise';
import type { SegmentDefinition } from '@toyclub/shared';
import { parseDatabaseUrl } from '../server/src/db/databaseUrl';
import { compileSegment, SEGMENT_FROM, SEGMENT_FROM_NARROW } from '../server/src/segments/segmentCompiler';
import { SAMPLE_WINDOW_IDS, segmentPreviewer } from '../server/src/segments/segmentPreviewer';
import { createSystem } from '../server/src/system/createSystem';
import { benchConfig, report } from './benchSupport';
import { seedMembers } from './seedMembers';

const MEMBERS = Number(process.env.BENCH_SEGMENT_MEMBERS ?? 1_000_000);
const RUNS = 5;

const DEFINITIONS: Array<[string, SegmentDefinition]> = [
  ['built-in 高价值', { op: 'and', rules: [{ kind: 'builtin', segment: 'high_value' }] }],
  ['built-in 流失风险', { op: 'and', rules: [{ kind: 'builtin', segment: 'churn_risk' }] }],
  ['tier gold/diamond', { op: 'and', rules: [{ kind: 'tier', tiers: ['gold', 'diamond'] }] }],
  ['child 36-72 months', { op: 'and', rules: [{ kind: 'child_age_months', min: 36, max: 72 }] }],
  ['child birthday in 7 days', { op: 'and', rules: [{ kind: 'child_birthday_within', days: 7 }] }],
  ['OA-reachable', { op: 'and', rules: [{ kind: 'reachability', channel: 'official_account', reachable: true }] }],
  ['not OA-reachable', { op: 'and', rules: [{ kind: 'reachability', channel: 'official_account', reachable: false }] }],
  [
    'child 36-72 months, OA-reachable, spend ≥ 500 元',
    {
      op: 'and',
      rules: [
        { kind: 'child_age_months', min: 36, max: 72 },
        { kind: 'reachability', channel: 'official_account', reachable: true },
        { kind: 'spend', window: '365d', minFen: 50_000 },
      ],
    },
  ],
  [
    'nested: (沉默 or 流失风险) and store, birthday in 30 days',
    {
      op: 'and',
      rules: [
        { op: 'or', rules: [{ kind: 'builtin', segment: 'dormant' }, { kind: 'builtin', segment: 'churn_risk' }] },
        { op: 'or', rules: [{ kind: 'registration_channel', channels: ['poster:spring'] }, { kind: 'child_birthday_within', days: 30 }] },
      ],
    },
  ],
];

async function median(runs: number, operation: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = process.hrtime.bigint();
    await operation();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

async function main(): Promise<void> {
  const members = await seedMembers(MEMBERS);
  const config = benchConfig();
  const system = await createSystem({ config, role: 'bench' });
  const pool = mysql.createPool({ ...parseDatabaseUrl(config.database.url), connectionLimit: 4 });
  const manager = system.dataSource.manager;
  const baselineCount = () => pool.query(`SELECT COUNT(*) AS n FROM ${SEGMENT_FROM} WHERE m.deleted_at IS NULL`);

  // Warm the buffer pool and both paths once.
  await baselineCount();
  for (const [, definition] of DEFINITIONS) await segmentPreviewer({ manager, config, definition });

  const [[{ top }]] = await pool.query<mysql.RowDataPacket[]>('SELECT MAX(id) AS top FROM members');
  // As the previewer's sample: the newest ids first (the plans printed are the sample's two queries).
  const newestBoundary = Math.max(0, Number(top) - SAMPLE_WINDOW_IDS);
  process.stdout.write(`segment preview (count + ${config.segments.previewSampleSize}-member sample), ${members} members, median of ${RUNS}\n`);
  const baseline = await median(RUNS, baselineCount);
  for (const [label, definition] of DEFINITIONS) {
    let count = 0;
    const subject = await median(RUNS, async () => {
      count = (await segmentPreviewer({ manager, config, definition })).count;
    });
    report(`${label} (${count})`, subject, baseline, 'ms');
    const where = compileSegment(definition, { config, now: new Date() });
    const plans: Array<[string, string, unknown[]]> = [
      ['count', `SELECT COUNT(*) FROM ${SEGMENT_FROM_NARROW} WHERE ${where.sql}`, where.params],
      ['newest', `SELECT m.id FROM ${SEGMENT_FROM} WHERE m.id > ? AND ${where.sql} ORDER BY m.id DESC LIMIT 20`, [newestBoundary, ...where.params]],
      ['older', `SELECT m.id FROM ${SEGMENT_FROM_NARROW} WHERE m.id <= ? AND ${where.sql} ORDER BY m.id DESC LIMIT 20`, [newestBoundary, ...where.params]],
    ];
    for (const [name, sql, params] of plans) {
      const [plan] = await pool.query<mysql.RowDataPacket[]>(`EXPLAIN ${sql}`, params);
      for (const row of plan) process.stdout.write(`    ${name.padEnd(6)} ${row.table} ${row.type} key=${row.key ?? '-'} rows=${row.rows} ${row.Extra ?? ''}\n`);
    }
  }
  await pool.end();
  await system.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
