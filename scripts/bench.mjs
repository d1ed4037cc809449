#!/usr/bin/env node
// Runs every benchmark in bench/ (files named *.bench.ts or *.bench.mjs) one after the
// other. Each benchmark measures its own baseline in the same run and prints a ratio.
// `npm run bench -- ledger` runs only the benchmarks whose file name contains "ledger".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv[2] ?? '';
const register = path.join(root, 'server/src/testing/swcRegister.cjs');
const benches = fs
  .readdirSync(path.join(root, 'bench'))
  .filter((name) => /\.bench\.(ts|mjs)$/.test(name) && name.includes(filter))
  .sort();

if (benches.length === 0) {
  console.error(`No benchmark matches "${filter}".`);
  process.exit(1);
}
let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name}`);
  const args = name.endsWith('.ts') ? ['-r', register, path.join('bench', name)] : [path.join('bench', name)];
  const result = spawnSync(process.execPath, ['--expose-gc', ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { NODE_ENV: 'test', ...process.env },
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
