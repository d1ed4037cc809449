/**
 * Lets a child process run the server's TypeScript sources directly (the way Jest does,
 * through SWC), so that tests can start real HTTP and worker processes and kill them.
 * Usage: node -r ./server/src/testing/swcRegister.cjs server/src/main.ts
 */
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const sharedEntry = path.resolve(__dirname, '../../../shared/src/index.ts');
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolve(request, ...rest) {
  // The shared workspace is consumed from source, as in Jest, so no build is needed.
  if (request === '@toyclub/shared') return sharedEntry;
  return originalResolve.call(this, request, ...rest);
};

require.extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
