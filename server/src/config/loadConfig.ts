import type { AppConfig } from './configSchema';
import { configSchema } from './configSchema';
import { ConfigError } from './ConfigError';
import { CONFIG_DIR } from './configPaths';
import { environmentVariableNames } from './environmentVariables';
import { productionProblems } from './productionGuards';

/** Partial overrides, deep-merged over what node-config loaded (tests and tools use this). */
export type ConfigOverrides = { [key: string]: unknown };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges `overrides` into `base` key by key, objects recursively (arrays are replaced). */
export function deepMerge(base: Record<string, unknown>, overrides: ConfigOverrides): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return merged;
}

/**
 * Reads the configuration through node-config. This module and node-config are the only
 * readers of `process.env`: node-config maps the variables in
 * `config/custom-environment-variables.json` onto the files for the current NODE_ENV.
 */
function readNodeConfig(): Record<string, unknown> {
  process.env.NODE_CONFIG_DIR ??= CONFIG_DIR;
  process.env.SUPPRESS_NO_CONFIG_WARNING = 'true';
  // Required lazily so that NODE_CONFIG_DIR is set before node-config reads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nodeConfig = require('config') as { util: { toObject(): Record<string, unknown> } };
  return nodeConfig.util.toObject();
}

/** The NODE_ENV the process runs under, defaulting to development. */
export function runtimeEnvironment(): string {
  return process.env.NODE_ENV ?? 'development';
}

/**
 * Validates raw configuration values. Every problem names its key and, where one
 * exists, the environment variable that sets it.
 */
export function parseConfig(raw: Record<string, unknown>): AppConfig {
  const envNames = environmentVariableNames();
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join('.');
      const envName = envNames.get(key);
      return `${key}${envName ? ` (${envName})` : ''}: ${issue.message}`;
    });
    throw new ConfigError(problems);
  }
  const problems = productionProblems(result.data, envNames);
  if (problems.length > 0) throw new ConfigError(problems);
  return result.data;
}

/** Loads and validates the configuration; throws {@link ConfigError} naming each bad key. */
export function loadConfig(overrides: ConfigOverrides = {}): AppConfig {
  const raw = deepMerge({ env: runtimeEnvironment(), ...readNodeConfig() }, overrides);
  return parseConfig(raw);
}
