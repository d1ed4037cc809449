import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from '../config/configPaths';

/** A child process running one of the server's TypeScript entry points. */
export interface TsProcess {
  child: ChildProcess;
  /** Everything it has printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once the output contains `pattern`; rejects if the process exits first. */
  waitForOutput(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
}

/** Starts `node -r swcRegister <entry> ...args` with NODE_ENV=test. */
export function spawnTsProcess(entry: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): TsProcess {
  const child = spawn(
    process.execPath,
    ['-r', path.join(__dirname, 'swcRegister.cjs'), path.resolve(REPO_ROOT, entry), ...args],
    { cwd: REPO_ROOT, env: { ...process.env, NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve(code ?? signal ?? 'unknown');
      for (const listener of listeners) listener();
    });
  });
  const waitForOutput = (pattern: RegExp): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const match = pattern.exec(output);
        if (match) {
          listeners.delete(check);
          resolve(match);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          listeners.delete(check);
          reject(new Error(`process exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${output}`));
        }
      };
      listeners.add(check);
      check();
    });
  return { child, output: () => output, waitForOutput, exited };
}
