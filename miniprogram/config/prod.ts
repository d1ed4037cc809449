import type { UserConfigExport } from '@tarojs/cli';

/** Production build (the default for `taro build` without `--watch`): minified, no source maps. */
export default {
  mini: {},
  h5: {
    // Source maps are not published with the served H5 build.
    enableSourceMap: false,
  },
} satisfies UserConfigExport<'webpack5'>;
