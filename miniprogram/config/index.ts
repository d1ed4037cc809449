import path from 'node:path';
import { defineConfig } from '@tarojs/cli';
import type { UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/** The shared workspace's TypeScript sources, compiled into both targets instead of its dist/. */
const SHARED_SRC = path.resolve(__dirname, '../../shared/src');

/**
 * Each target wipes its own output folder before building, so weapp and H5 must not share
 * one: weapp goes to `dist/` (what WeChat DevTools opens), H5 to `dist-h5/` (what the server
 * serves at `/h5/`). The H5 dev server (`dev:h5`) serves from memory but still empties its
 * output folder, so it gets one of its own and leaves the server's build alone.
 */
function outputRoot(): string {
  if (process.env.TARO_ENV !== 'h5') return 'dist';
  return process.env.NODE_ENV === 'development' ? 'dist-h5-dev' : 'dist-h5';
}

const OUTPUT_ROOT = outputRoot();

/**
 * Taro's build configuration for the member mini-program (weapp and H5, webpack5, React).
 * See https://docs.taro.zone/docs/config-detail
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'toyclub-miniprogram',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: OUTPUT_ROOT,
    plugins: [],
    // `@toyclub/shared` is a workspace of TypeScript sources: resolve it to src/ so a fresh
    // checkout builds without compiling shared first, and so both targets share one copy.
    alias: {
      '@toyclub/shared': SHARED_SRC,
    },
    // The browser asks for a favicon on every H5 visit; without one that is a 404 in the console.
    copy: {
      patterns: process.env.TARO_ENV === 'h5' ? [{ from: 'src/assets/favicon.png', to: `${OUTPUT_ROOT}/favicon.png` }] : [],
      options: {},
    },
    framework: 'react',
    // Taro's defaults: esbuild prebundles Taro itself in development builds only (cached in
    // miniprogram/node_modules/.taro); production builds are plain webpack.
    compiler: 'webpack5',
    // No persistent webpack cache: clean builds take seconds, and a stale cache is not worth it.
    cache: { enable: false },
    mini: {
      // Babel only compiles sourceRoot and Taro's own packages unless told otherwise.
      compile: { include: [SHARED_SRC] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // Every component's classes are its own (BEM), so the order pages import shared
      // stylesheets in does not matter; without this, webpack warns when two pages differ.
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      // The server serves this build at /h5/, and the hash router keeps every page under
      // that one index.html, so no server-side rewrite is needed for deep links.
      publicPath: '/h5/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [SHARED_SRC] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      // Taro's H5 runtime, React and the web components come to about 330 KiB minified
      // (about 100 KiB gzipped); warn only when the entry grows well past that.
      webpackChain(chain) {
        chain.performance.maxEntrypointSize(450 * 1024).maxAssetSize(350 * 1024);
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
