// Taro's build provides defineAppConfig / definePageConfig as globals for config files;
// in Jest they just hand back the config so tests can read app.config.ts.
function identity<T>(config: T): T {
  return config;
}

Object.assign(globalThis, { defineAppConfig: identity, definePageConfig: identity });
