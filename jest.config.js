// Tiers are chosen by file suffix: *.test.ts unit, *.int.test.ts real Postgres, *.e2e.test.ts real processes.
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] };
const roots = ['<rootDir>/services', '<rootDir>/gateway', '<rootDir>/test'];
const base = { transform, roots, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testTimeout: 15_000, testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '\\.e2e\\.test\\.ts$', '/node_modules/'] },
    // Starting four subgraphs on fresh databases takes seconds on a busy 2-core machine.
    { ...base, displayName: 'int', testTimeout: 60_000, testMatch: ['**/*.int.test.ts'], testPathIgnorePatterns: ['/node_modules/'] },
    { ...base, displayName: 'e2e', testTimeout: 240_000, testMatch: ['**/*.e2e.test.ts'], testPathIgnorePatterns: ['/node_modules/'] },
  ],
};
