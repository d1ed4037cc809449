// Makes sure native modules load on this machine. argon2's prebuilt binary crashes
// (SIGSEGV on require) under some Node builds, such as Debian's; install scripts are
// off (.npmrc), so build it from source with npm's bundled node-gyp when that happens.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function loads(name) {
  const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(name)})`], { cwd: root, stdio: 'ignore' });
  return probe.status === 0;
}

function nodeGyp() {
  const candidates = [
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  for (const candidate of candidates) {
    try {
      require.resolve(candidate);
      return candidate;
    } catch {
      // try the next place
    }
  }
  throw new Error('node-gyp not found (it ships with npm)');
}

for (const name of ['argon2']) {
  if (loads(name)) continue;
  const dir = path.dirname(require.resolve(`${name}/package.json`, { paths: [root] }));
  console.log(`${name}: the prebuilt binary does not load here; building it from source`);
  const nodedir = path.resolve(path.dirname(process.execPath), '..');
  const build = spawnSync(process.execPath, [nodeGyp(), 'rebuild', `--nodedir=${nodedir}`], { cwd: dir, stdio: 'inherit' });
  if (build.status !== 0 || !loads(name)) {
    console.error(`${name}: could not build a working binary`);
    process.exit(1);
  }
  console.log(`${name}: built from source`);
}
