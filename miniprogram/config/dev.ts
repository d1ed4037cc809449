import type { UserConfigExport } from '@tarojs/cli';

/** The local API server that `npm start` runs; the H5 dev server forwards API calls to it. */
const LOCAL_API = 'http://127.0.0.1:3000';

/** Development build (`--watch`): readable output, and an H5 dev server that proxies the API. */
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    // The H5 build calls the API on its own origin (see .env.h5); in `npm run dev:h5` that
    // origin is the dev server, so forward the API paths to the real server.
    devServer: {
      proxy: [{ context: ['/healthz', '/api'], target: LOCAL_API, changeOrigin: true }],
    },
  },
} satisfies UserConfigExport<'webpack5'>;
