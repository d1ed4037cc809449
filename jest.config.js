/** Runs every workspace's tests together: `npx jest` at the root. */
module.exports = {
  projects: ['<rootDir>/server', '<rootDir>/miniprogram'],
};
