/** Runs every workspace's tests together: `npx jest` at the root. */
module.exports = {
  projects: ['<rootDir>/server', '<rootDir>/miniprogram'],
  // A global option: Jest ignores `testTimeout` inside a project's config when it runs
  // several projects. Tests against real MariaDB, Redis, worker processes and Chromium
  // need more than the 5 s default on a busy 2-core machine; the timeout only guards
  // against a hang and is never what a test asserts.
  testTimeout: 60000,
};
