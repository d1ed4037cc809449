import path from 'node:path';

/** The repository's root, the same from `server/src/config` and `server/dist/config`. */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The node-config folder at the top of the repository. */
export const CONFIG_DIR = path.join(REPO_ROOT, 'config');
