// Babel for Taro's webpack builds (weapp and H5). Jest uses its own presets (jest.config.js),
// because babel-preset-taro targets bundlers, not Node.
// Options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
};
