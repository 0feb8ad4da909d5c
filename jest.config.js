// Tiers are chosen by file suffix: *.test.ts unit, *.int.test.ts real Postgres, *.e2e.test.ts real processes.
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] };
const roots = ['<rootDir>/services', '<rootDir>/gateway', '<rootDir>/test'];
const base = { transform, roots, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '\\.e2e\\.test\\.ts$', '/node_modules/'] },
    { ...base, displayName: 'int', testMatch: ['**/*.int.test.ts'], testPathIgnorePatterns: ['/node_modules/'] },
    { ...base, displayName: 'e2e', testMatch: ['**/*.e2e.test.ts'], testPathIgnorePatterns: ['/node_modules/'] },
  ],
};
