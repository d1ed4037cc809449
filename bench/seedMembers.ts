/**
 * Seeds the bench database with N members (default 1,000,000) and what segments and
 * campaigns read: purchase statistics, children and official-account followers, spread
 * like a toy store's customers (a third never bought, a long tail of big spenders).
 * Members go in as multi-row INSERTs of 5,000; the rows that hang off them are derived
 * in the database by INSERT ... SELECT over id ranges, so a million takes a few minutes.
 * Idempotent: only the missing members are added. Never run by `npm test`.
 *
 *   node -r ./server/src/testing/swcRegister.cjs bench/seedMembers.ts [count]
 */
import mysql from 'mysql2/promise';
import { parseDatabaseUrl } from '../server/src/db/databaseUrl';
import { createSystem } from '../server/src/system/createSystem';
import { benchConfig } from './benchSupport';

/** Prefix of seeded members' openids, so that seeding is idempotent and benches find them. */
export const SEED_OPENID_PREFIX = 'seed-m-';
const CHUNK = 5_000;
const RANGE = 50_000;
const TIERS = ['normal', 'normal', 'normal', 'normal', 'silver', 'silver', 'gold', 'diamond'];
const CHANNELS = [null, null, 'poster:spring', 'store:S001', 'mp:share'];

async function ensureStores(pool: mysql.Pool): Promise<number[]> {
  await pool.query(`INSERT IGNORE INTO stores (code, name) VALUES ('seed-s1', '种子门店一'), ('seed-s2', '种子门店二'), ('seed-s3', '种子门店三')`);
  const [rows] = await pool.query<mysql.RowDataPacket[]>("SELECT id FROM stores WHERE code LIKE 'seed-s%' ORDER BY id");
  return rows.map((row) => Number(row.id));
}

async function insertMembers(pool: mysql.Pool, count: number, stores: number[]): Promise<void> {
  const [[{ existing }]] = await pool.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS existing FROM members WHERE openid LIKE ?', [`${SEED_OPENID_PREFIX}%`]);
  const now = Date.now();
  for (let start = Number(existing); start < count; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - start) }, (_, offset) => {
      const n = start + offset;
      const createdAt = new Date(now - ((n * 7919) % (3 * 365)) * 86_400_000 - (n % 86_400) * 1000);
      return [`${SEED_OPENID_PREFIX}${n}`, n % 3 === 0 ? null : `家长${n}`, TIERS[n % TIERS.length], CHANNELS[n % CHANNELS.length], stores[n % stores.length], createdAt, createdAt];
    });
    await pool.query('INSERT IGNORE INTO members (openid, nickname, tier_code, registration_channel, registration_store_id, created_at, tier_since) VALUES ?', [rows]);
    if ((start / CHUNK) % 40 === 0) process.stdout.write(`  members ${start + rows.length}/${count}\n`);
  }
}

/** Derived rows for seeded members in [from, to): stats for two thirds, children for half, followers for 40%. */
async function insertDerived(pool: mysql.Pool, from: number, to: number): Promise<void> {
  const seeded = `FROM members m WHERE m.id >= ${from} AND m.id < ${to} AND m.openid LIKE '${SEED_OPENID_PREFIX}%'`;
  // r is a stable pseudo-random number per member, so that a re-run derives the same figures.
  await pool.query(`
    INSERT IGNORE INTO member_stats (member_id, first_purchase_at, last_purchase_at, purchase_count, total_spend_fen, average_ticket_fen,
                                     average_interval_days, count_90d, spend_90d_fen, count_365d, spend_365d_fen, windows_as_of)
    SELECT id, NOW(3) - INTERVAL (last_days + span_days) DAY, NOW(3) - INTERVAL last_days DAY, cnt, cnt * ticket, ticket,
           IF(cnt > 1, span_days / (cnt - 1), NULL), FLOOR(LEAST(cnt, c365) / 4), FLOOR(LEAST(cnt, c365) / 4) * ticket,
           LEAST(cnt, c365), LEAST(cnt, c365) * ticket, NOW(3)
      FROM (SELECT m.id, 1 + FLOOR(POW(RAND(m.id), 3) * 40) AS cnt, 1000 + FLOOR(POW(RAND(m.id + 1), 2) * 150000) AS ticket,
                   FLOOR(RAND(m.id + 2) * 400) AS last_days, FLOOR(RAND(m.id + 3) * 700) AS span_days,
                   FLOOR(RAND(m.id + 4) * 12) AS c365
              ${seeded} AND MOD(m.id, 3) <> 0) x`);
  await pool.query(`
    INSERT INTO children (member_id, name, birth_year, birth_month, birth_day, interests)
    SELECT m.id, '宝贝', YEAR(NOW()) - FLOOR(RAND(m.id + 5) * 12), 1 + FLOOR(RAND(m.id + 6) * 12), 1 + FLOOR(RAND(m.id + 7) * 28), '[]'
      ${seeded} AND MOD(m.id, 2) = 0 AND NOT EXISTS (SELECT 1 FROM children c WHERE c.member_id = m.id)`);
  await pool.query(`
    INSERT IGNORE INTO oa_followers (openid, member_id, bound_via, bound_at, subscribed, reachable, subscribed_at)
    SELECT CONCAT('seed-f-', m.id), m.id, 'link', NOW(3), MOD(m.id, 10) <> 0, MOD(m.id, 10) <> 0, NOW(3)
      ${seeded} AND MOD(m.id, 5) IN (0, 1)`);
}

/** Seeds `count` members (and their rows) into the bench database; returns the member count there. */
export async function seedMembers(count: number): Promise<number> {
  const config = benchConfig();
  // createSystem creates and migrates the bench database first.
  const system = await createSystem({ config, role: 'bench' });
  await system.close();
  const pool = mysql.createPool({ ...parseDatabaseUrl(config.database.url), connectionLimit: 2 });
  try {
    const started = Date.now();
    const stores = await ensureStores(pool);
    const seededIds = () => pool.query<mysql.RowDataPacket[]>('SELECT MIN(id) AS low, MAX(id) AS high FROM members WHERE openid LIKE ?', [`${SEED_OPENID_PREFIX}%`]);
    const [[before]] = await seededIds();
    await insertMembers(pool, count, stores);
    const [[after]] = await seededIds();
    // Only the members added now get derived rows: a re-run with enough members is quick.
    const from = before?.high === null || before?.high === undefined ? Number(after?.low) : Number(before.high) + 1;
    for (let start = from; start <= Number(after?.high ?? 0); start += RANGE) await insertDerived(pool, start, start + RANGE);
    const [[{ total }]] = await pool.query<mysql.RowDataPacket[]>('SELECT COUNT(*) AS total FROM members');
    process.stdout.write(`seeded to ${count} members in ${((Date.now() - started) / 1000).toFixed(0)} s; ${total} members in the bench database\n`);
    return Number(total);
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  seedMembers(Number(process.argv[2] ?? 1_000_000)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
