import type { PushMode } from './simulatorOptions';

/** What the CLI accepts; anything absent comes from the app's configuration. */
export interface SimulatorArgs {
  port?: number;
  host?: string;
  callbackUrl?: string;
  pushMode?: PushMode;
  retryDelayMs?: number;
  jobFinishDelayMs?: number;
}

const USAGE =
  'usage: wechat-sim [--port 3900] [--host 127.0.0.1] [--callback-url URL] [--push-mode plain|safe|compatible] ' +
  '[--retry-delay-ms 5000] [--job-delay-ms 1000]';

function integer(flag: string, value: string | undefined): number {
  const parsed = Number(value);
  if (value === undefined || !Number.isInteger(parsed) || parsed < 0) throw new Error(`${flag} needs a whole number\n${USAGE}`);
  return parsed;
}

/** Parses `--flag value` / `--flag=value` arguments; throws with the usage on anything else. */
export function parseSimulatorArgs(argv: string[]): SimulatorArgs {
  const args: SimulatorArgs = {};
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inline] = argv[index].split(/=(.*)/s, 2);
    const value = inline ?? argv[++index];
    switch (flag) {
      case '--port':
        args.port = integer(flag, value);
        break;
      case '--host':
        args.host = value;
        break;
      case '--callback-url':
        args.callbackUrl = value;
        break;
      case '--push-mode':
        if (value !== 'plain' && value !== 'safe' && value !== 'compatible') throw new Error(`--push-mode: plain, safe or compatible\n${USAGE}`);
        args.pushMode = value;
        break;
      case '--retry-delay-ms':
        args.retryDelayMs = integer(flag, value);
        break;
      case '--job-delay-ms':
        args.jobFinishDelayMs = integer(flag, value);
        break;
      default:
        throw new Error(`unknown argument ${argv[index]}\n${USAGE}`);
    }
  }
  return args;
}
