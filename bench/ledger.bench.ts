/**
 * Ledger throughput: purchases recorded through the real command (insert-first purchase,
 * member row lock, ledger entry, statistics, tier check — one transaction each), spread
 * over 100k members and concentrated on one member, from concurrent clients. The
 * baseline, measured in the same run with the same concurrency, is a bare guarded
 * `UPDATE ... SET balance = balance + ? WHERE id = ? AND balance + ? >= 0` over raw
 * mysql2 on a table of its own. At the end every member's balance must equal the sum
 * of their ledger entries.
 */
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { createSystem } from '../server/src/system/createSystem';
import type { System } from '../server/src/system/System';
import { parseDatabaseUrl } from '../server/src/db/databaseUrl';
import { purchaseRecorder } from '../server/src/purchases/purchaseRecorder';
import { Store } from '../server/src/stores/Store';
import { benchConfig, report } from './benchSupport';

const MEMBERS = 100_000;
const CLIENTS = 16;
const SECONDS = 6;
const run = randomBytes(4).toString('hex');

async function seed(pool: mysql.Pool): Promise<string[]> {
  const [[{ count }]] = await pool.query<mysql.RowDataPacket[]>("SELECT COUNT(*) AS count FROM members WHERE openid LIKE 'bench-m-%'");
  for (let start = Number(count); start < MEMBERS; start += 5000) {
    const rows = Array.from({ length: Math.min(5000, MEMBERS - start) }, (_, index) => [`bench-m-${start + index}`, 'normal']);
    await pool.query('INSERT IGNORE INTO members (openid, tier_code) VALUES ?', [rows]);
  }
  await pool.query('CREATE TABLE IF NOT EXISTS bench_balances (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, balance INT NOT NULL) ENGINE=InnoDB');
  await pool.query('INSERT IGNORE INTO bench_balances (id, balance) SELECT id, 0 FROM members');
  const [ids] = await pool.query<mysql.RowDataPacket[]>("SELECT id FROM members WHERE openid LIKE 'bench-m-%' ORDER BY id LIMIT ?", [MEMBERS]);
  return ids.map((row) => String(row.id));
}

/** Runs `operation` from `CLIENTS` concurrent loops for `SECONDS`; returns operations per second. */
async function measure(operation: (client: number, sequence: number) => Promise<void>): Promise<number> {
  const deadline = Date.now() + SECONDS * 1000;
  let done = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let sequence = 0; Date.now() < deadline; sequence += 1) {
        await operation(client, sequence);
        done += 1;
      }
    }),
  );
  return done / ((Date.now() - started) / 1000);
}

function purchase(system: System, storeId: string, memberId: string, label: string): Promise<unknown> {
  const now = new Date();
  return purchaseRecorder({
    system,
    storeId,
    source: 'pos',
    idempotencyKey: `${run}-${label}`,
    requestHash: '0'.repeat(64),
    amountFen: 100 + Math.floor(Math.random() * 50_000),
    items: [],
    memberId,
    staffId: null,
    purchasedAt: now,
    now,
  });
}

async function main(): Promise<void> {
  const config = benchConfig({ database: { poolSize: CLIENTS } });
  const system = await createSystem({ config, role: 'bench' });
  const pool = mysql.createPool({ ...parseDatabaseUrl(config.database.url), connectionLimit: CLIENTS });
  const members = await seed(pool);
  const store = await system.dataSource.getRepository(Store).save(
    system.dataSource.getRepository(Store).create({ code: `bench-${run}`, name: 'bench', pointsPerYuan: null, posSecretSealed: null }),
  );
  const pick = () => members[Math.floor(Math.random() * members.length)]!;
  const hot = members[0]!;
  const bare = (memberId: string) => pool.query('UPDATE bench_balances SET balance = balance + ? WHERE id = ? AND balance + ? >= 0', [10, memberId, 10]).then(() => undefined);

  // Warm up both paths (JIT, pools, buffer pool).
  await Promise.all(Array.from({ length: 200 }, (_, index) => purchase(system, store.id, pick(), `warm-${index}`)));
  await Promise.all(Array.from({ length: 200 }, () => bare(pick())));

  process.stdout.write(`ledger purchases, ${CLIENTS} concurrent clients, ${SECONDS} s each, ${members.length} members\n`);
  for (const [label, target] of [
    ['spread over 100k members', pick],
    ['concentrated on one member', () => hot],
  ] as const) {
    const baseline = await measure(() => bare(target()));
    const subject = await measure((client, sequence) => purchase(system, store.id, target(), `${label.length}-${client}-${sequence}`).then(() => undefined));
    report(`purchases/s ${label}`, subject, baseline, 'tx/s');
  }

  const [[{ wrong, checked }]] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT SUM(m.points_balance <> COALESCE(e.total, 0)) AS wrong, COUNT(*) AS checked
       FROM members m LEFT JOIN (SELECT member_id, SUM(delta) AS total FROM points_entries GROUP BY member_id) e ON e.member_id = m.id`,
  );
  process.stdout.write(`balances checked against the sum of their entries: ${checked}, wrong: ${Number(wrong)}\n`);
  if (Number(wrong) !== 0) process.exitCode = 1;

  await pool.end();
  await system.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
