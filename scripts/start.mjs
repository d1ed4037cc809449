#!/usr/bin/env node
// Brings up the whole local system: builds the server, the H5 app and the staff console when needed, then
// runs the WeChat simulator (when no real WeChat is configured), the HTTP server and the
// worker as separate processes, and prints the URLs to open. Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

// argon2's prebuilt binary crashes under some Node builds: build it here when it does.
run(process.execPath, [path.join(root, 'scripts/ensure-native.mjs')]);
console.log('Building the server...');
run('npx', ['tsc', '-b', 'shared', 'server/tsconfig.build.json']);

const { loadConfig } = require(path.join(root, 'server/dist/config/loadConfig.js'));
let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const h5Index = path.join(root, config.h5.dir, 'index.html');
const h5Sources = [path.join(root, 'miniprogram/src'), path.join(root, 'shared/src')];
const h5Stale = !fs.existsSync(h5Index) || Math.max(...h5Sources.map(newestMtime)) > fs.statSync(h5Index).mtimeMs;
if (h5Stale) {
  console.log('Building the H5 member app...');
  run('npm', ['run', 'build:h5', '--workspace', 'miniprogram']);
}

const consoleIndex = path.join(root, 'console/dist/index.html');
const consoleSources = [path.join(root, 'console/src'), path.join(root, 'console/index.html'), path.join(root, 'shared/src')];
const consoleMtime = (source) => (fs.statSync(source).isDirectory() ? newestMtime(source) : fs.statSync(source).mtimeMs);
const consoleStale = !fs.existsSync(consoleIndex) || Math.max(...consoleSources.map(consoleMtime)) > fs.statSync(consoleIndex).mtimeMs;
if (consoleStale) {
  console.log('Building the staff console...');
  run('npm', ['run', 'build:console']);
}

const children = [];
let stopping = false;

function start(name, script, extraEnv = {}) {
  const child = spawn(process.execPath, [path.join(root, script)], {
    cwd: root,
    env: { LOG_PRETTY: 'true', ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${name}] `;
  const relay = (stream, target) => {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) target.write(prefix + line + '\n');
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${prefix}exited (${code ?? signal}); stopping the others.`);
    stop(1);
  });
  children.push(child);
  return child;
}

function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve))))).then(
    () => process.exit(exitCode),
  );
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

async function waitForHttp(url, label) {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.error(`${label} did not come up at ${url}`);
  stop(1);
}

if (config.wechat.useSimulator) {
  const simulatorUrl = `http://127.0.0.1:${config.wechat.simulator.port}`;
  start('wechat-sim', 'server/dist/wechatSimulator/main.js', { WECHAT_SIM_PORT: String(config.wechat.simulator.port) });
  await waitForHttp(`${simulatorUrl}/__sim/calls?path=/`, 'The WeChat simulator');
}
start('http', 'server/dist/main.js');
start('worker', 'server/dist/worker.js');
const base = config.http.publicBaseUrl;
await waitForHttp(`${base}/healthz`, 'The HTTP server');

console.log(`
ToyClub is running.
  Member app (H5):   ${base}/h5/
  Staff console:     ${base}/console/
  Health:            ${base}/healthz
${config.wechat.useSimulator ? `  WeChat simulator:  http://127.0.0.1:${config.wechat.simulator.port} (standing in for WeChat)\n` : ''}Press Ctrl-C to stop.
`);
