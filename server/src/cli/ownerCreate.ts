import { parseArgs } from 'node:util';
import { loadConfig } from '../config/loadConfig';
import { AppError } from '../app/AppError';
import { staffAccountCreator } from '../staff/staffAccountCreator';
import { createSystem } from '../system/createSystem';
import { runMain } from '../system/runMain';

const USAGE = 'usage: npm run owner:create -- --username <name> --password <password> [--display-name <name>]';

/**
 * Creates an owner account of the admin console: `npm run owner:create -- --username
 * ... --password ...`. There is no default account: the first owner is made this way.
 */
runMain('owner:create', async () => {
  const { values } = parseArgs({
    options: { username: { type: 'string' }, password: { type: 'string' }, 'display-name': { type: 'string' } },
    strict: true,
  });
  if (!values.username || !values.password) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const system = await createSystem({ config: loadConfig(), role: 'cli' });
  try {
    const owner = await staffAccountCreator({
      system,
      username: values.username,
      displayName: values['display-name'] ?? values.username,
      password: values.password,
      role: 'owner',
      storeId: null,
    });
    process.stdout.write(`Owner "${owner.username}" created (id ${owner.id}). Sign in at ${system.config.http.publicBaseUrl}/api/admin/session.\n`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`Cannot create the owner: ${error.message} (${error.code})\n`);
    process.exitCode = 1;
  } finally {
    await system.close();
  }
});
