#!/usr/bin/env node
// Runs every test: builds the mini-program for weapp and H5 (the structural check reads
// the weapp build; the browser test opens the H5 build) and the staff console (its browser
// test opens console/dist), then Jest over every workspace
// against the real MariaDB and Redis. Extra arguments go to Jest.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

// argon2's prebuilt binary crashes under some Node builds: build it here when it does.
if (run(process.execPath, [path.join(root, 'scripts/ensure-native.mjs')]) !== 0) process.exit(1);

for (const target of ['build:weapp', 'build:h5']) {
  console.log(`\n> npm run ${target} --workspace miniprogram`);
  if (run('npm', ['run', target, '--workspace', 'miniprogram']) !== 0) process.exit(1);
}
console.log('\n> npm run build:console');
if (run('npm', ['run', 'build:console']) !== 0) process.exit(1);

const resultsFile = path.join(os.tmpdir(), `toyclub-jest-${process.pid}.json`);
const status = run('npx', ['jest', '--maxWorkers=2', '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)]);

// Jest's own summary ("Tests: 3 passed, 3 total") is not the plain "N passed, N failed"
// line that CI reads, so print that line from Jest's JSON results.
if (fs.existsSync(resultsFile)) {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  fs.rmSync(resultsFile);
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(`\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`);
  if (results.numTotalTests === 0) {
    console.error('No test ran.');
    process.exit(1);
  }
}
process.exit(status);
