import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from './configSchema';
import { CONFIG_DIR } from './configPaths';

const SECRET_KEYS = [
  'wechat.oa.appSecret',
  'wechat.oa.token',
  'wechat.oa.aesKey',
  'wechat.mp.appSecret',
  'security.signingSecret',
] as const;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0']);

function valueAt(source: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, key) => {
    if (typeof node !== 'object' || node === null) return undefined;
    return (node as Record<string, unknown>)[key];
  }, source);
}

/**
 * The reasons a production start must be refused: secrets still at their development
 * defaults, or the WeChat simulator (or any loopback address) standing in for WeChat.
 */
export function productionProblems(config: AppConfig, envNames: Map<string, string>): string[] {
  if (config.env !== 'production') return [];
  const defaults: unknown = JSON.parse(fs.readFileSync(path.join(CONFIG_DIR, 'default.json'), 'utf8'));
  const problems: string[] = [];
  for (const key of SECRET_KEYS) {
    if (valueAt(config, key) === valueAt(defaults, key)) {
      problems.push(`${key} (${envNames.get(key) ?? 'no env var'}): still the development default; set a real secret`);
    }
  }
  if (config.wechat.useSimulator) {
    problems.push('wechat.useSimulator (WECHAT_USE_SIMULATOR): production cannot use the WeChat simulator');
  }
  const apiHost = new URL(config.wechat.apiBase).hostname;
  if (LOOPBACK_HOSTS.has(apiHost)) {
    problems.push(`wechat.apiBase (WECHAT_API_BASE): ${config.wechat.apiBase} is a local address, not WeChat`);
  }
  return problems;
}
