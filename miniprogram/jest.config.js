/**
 * Jest for the mini-program: components and the API client in jsdom, with small hand-written
 * stand-ins for Taro (test/mocks), plus a structural check of the built weapp in dist/.
 * Babel runs with its own presets here, not babel-preset-taro (that one targets bundlers).
 */
module.exports = {
  displayName: 'miniprogram',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.[jt]sx?$': [
      'babel-jest',
      {
        // Ignore babel.config.js (Taro's preset for webpack) and any .babelrc.
        configFile: false,
        babelrc: false,
        presets: [
          ['@babel/preset-env', { targets: { node: 'current' } }],
          ['@babel/preset-react', { runtime: 'automatic' }],
          '@babel/preset-typescript',
        ],
      },
    ],
  },
  moduleNameMapper: {
    '^@toyclub/shared$': '<rootDir>/../shared/src/index.ts',
    '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
    '^@tarojs/components$': '<rootDir>/test/mocks/components.tsx',
    '\\.(css|scss)$': '<rootDir>/test/mocks/style.ts',
  },
  setupFiles: ['<rootDir>/test/setupGlobals.ts'],
  clearMocks: true,
};
