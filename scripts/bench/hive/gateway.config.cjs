// The hive-gateway CLI imports its config file as an ES module, but our kit is CommonJS TypeScript
// (it uses __dirname): load the real config (hive-config.ts) through tsx's require hook instead.
// eslint-disable-next-line @typescript-eslint/no-require-imports
module.exports = require('./hive-config.ts');
