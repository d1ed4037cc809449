import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_DIR } from './configPaths';

type EnvMapping = { [key: string]: string | EnvMapping };

/**
 * Maps each dotted config key to the environment variable that sets it, read from
 * node-config's `custom-environment-variables.json`, so that error messages can name both.
 */
export function environmentVariableNames(): Map<string, string> {
  const file = path.join(CONFIG_DIR, 'custom-environment-variables.json');
  const mapping = JSON.parse(fs.readFileSync(file, 'utf8')) as EnvMapping;
  const names = new Map<string, string>();
  const walk = (node: EnvMapping, prefix: string[]): void => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') names.set([...prefix, key].join('.'), value);
      else walk(value, [...prefix, key]);
    }
  };
  walk(mapping, []);
  return names;
}
