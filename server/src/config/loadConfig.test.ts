import type { ConfigError } from './ConfigError';
import type { ConfigOverrides } from './loadConfig';
import type * as LoadConfigModule from './loadConfig';
import type { AppConfig } from './configSchema';

/** Loads the config in a fresh module registry so that node-config re-reads `env`. */
function loadWithEnv(env: Record<string, string>, overrides: ConfigOverrides = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    let loaded: AppConfig | undefined;
    jest.isolateModules(() => {
      const { loadConfig } = jest.requireActual<typeof LoadConfigModule>('./loadConfig');
      loaded = loadConfig(overrides);
    });
    return loaded!;
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    // The error comes from an isolated module registry, so compare by name, not by class.
    if (error instanceof Error && error.name === 'ConfigError') return (error as ConfigError).problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadWithEnv({ NODE_ENV: 'development' });
    expect(config.env).toBe('development');
    expect(config.http.port).toBe(3000);
    expect(config.database.url).toBe('mysql://root@127.0.0.1:3306/toyclub');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.wechat.useSimulator).toBe(true);
  });

  it('reads every documented environment variable', () => {
    const config = loadWithEnv({
      PORT: '4123',
      DATABASE_URL: 'mysql://shop:pw@db.internal:3307/toyclub_prod',
      REDIS_URL: 'redis://cache.internal:6380',
      WECHAT_API_BASE: 'http://127.0.0.1:3999',
      WECHAT_OA_APP_ID: 'wxoa123',
      WECHAT_OA_APP_SECRET: 'oa-secret-value',
      WECHAT_OA_TOKEN: 'tokenABC123',
      WECHAT_OA_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
      WECHAT_MP_APP_ID: 'wxmp456',
      WECHAT_MP_APP_SECRET: 'mp-secret-value',
    });
    expect(config.http.port).toBe(4123);
    expect(config.database.url).toBe('mysql://shop:pw@db.internal:3307/toyclub_prod');
    expect(config.redis.url).toBe('redis://cache.internal:6380');
    expect(config.wechat.apiBase).toBe('http://127.0.0.1:3999');
    expect(config.wechat.oa).toEqual({
      appId: 'wxoa123',
      appSecret: 'oa-secret-value',
      token: 'tokenABC123',
      aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
    });
    expect(config.wechat.mp).toEqual({ appId: 'wxmp456', appSecret: 'mp-secret-value' });
  });

  it('rejects a bad value and names the key and its environment variable', () => {
    expect(problemsOf(() => loadWithEnv({ PORT: 'eighty' }))).toEqual([expect.stringMatching(/^http\.port \(PORT\): /)]);
    expect(problemsOf(() => loadWithEnv({ PORT: '70000' }))).toEqual([expect.stringMatching(/^http\.port \(PORT\)/)]);
    expect(problemsOf(() => loadWithEnv({ DATABASE_URL: 'postgres://x@y/z' }))).toEqual([
      expect.stringMatching(/^database\.url \(DATABASE_URL\): must start with mysql/),
    ]);
    expect(problemsOf(() => loadWithEnv({ WECHAT_OA_AES_KEY: 'too-short' }))).toEqual([
      expect.stringMatching(/^wechat\.oa\.aesKey \(WECHAT_OA_AES_KEY\): must be the 43-character EncodingAESKey/),
    ]);
    expect(problemsOf(() => loadWithEnv({ WECHAT_USE_SIMULATOR: 'maybe' }))).toEqual([
      expect.stringMatching(/^wechat\.useSimulator \(WECHAT_USE_SIMULATOR\)/),
    ]);
  });

  it('reads the campaign conversion window and link lifetime, and names their variables when wrong', () => {
    expect(loadWithEnv({}).campaigns).toMatchObject({ conversionWindowDays: 7, clickLinkTtlDays: 90 });
    expect(loadWithEnv({ CAMPAIGN_CONVERSION_WINDOW_DAYS: '14', CAMPAIGN_CLICK_LINK_TTL_DAYS: '30' }).campaigns).toMatchObject({ conversionWindowDays: 14, clickLinkTtlDays: 30 });
    expect(problemsOf(() => loadWithEnv({ CAMPAIGN_CONVERSION_WINDOW_DAYS: 'a week' }))).toEqual([
      expect.stringMatching(/^campaigns\.conversionWindowDays \(CAMPAIGN_CONVERSION_WINDOW_DAYS\)/),
    ]);
  });

  it('reports every bad key at once', () => {
    const problems = problemsOf(() => loadWithEnv({ PORT: 'x', REDIS_URL: 'http://nope' }));
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/http\.port \(PORT\)/);
    expect(problems.join('\n')).toMatch(/redis\.url \(REDIS_URL\)/);
  });

  it('refuses production with development secrets or the simulator as WeChat', () => {
    const problems = problemsOf(() => loadWithEnv({ NODE_ENV: 'production' }));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^wechat\.oa\.appSecret \(WECHAT_OA_APP_SECRET\): still the development default/),
        expect.stringMatching(/^wechat\.mp\.appSecret \(WECHAT_MP_APP_SECRET\)/),
        expect.stringMatching(/^security\.signingSecret \(TOYCLUB_SIGNING_SECRET\)/),
      ]),
    );
    const simulator = problemsOf(() =>
      loadWithEnv({
        NODE_ENV: 'production',
        WECHAT_OA_APP_SECRET: 'real-oa-secret',
        WECHAT_OA_TOKEN: 'realToken42',
        WECHAT_OA_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
        WECHAT_MP_APP_SECRET: 'real-mp-secret',
        TOYCLUB_SIGNING_SECRET: 'a-real-signing-secret-of-at-least-32-chars',
        WECHAT_USE_SIMULATOR: 'true',
        WECHAT_API_BASE: 'http://127.0.0.1:3900',
      }),
    );
    expect(simulator).toEqual([
      expect.stringMatching(/^wechat\.useSimulator/),
      expect.stringMatching(/^wechat\.apiBase \(WECHAT_API_BASE\): .* is a local address/),
    ]);
  });

  it('accepts production with real secrets and WeChat', () => {
    const config = loadWithEnv({
      NODE_ENV: 'production',
      WECHAT_OA_APP_SECRET: 'real-oa-secret',
      WECHAT_OA_TOKEN: 'realToken42',
      WECHAT_OA_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
      WECHAT_MP_APP_SECRET: 'real-mp-secret',
      TOYCLUB_SIGNING_SECRET: 'a-real-signing-secret-of-at-least-32-chars',
    });
    expect(config.env).toBe('production');
    expect(config.wechat.apiBase).toBe('https://api.weixin.qq.com');
    expect(config.wechat.useSimulator).toBe(false);
  });
});
