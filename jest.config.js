// Tiers are chosen by file suffix: *.test.ts unit, *.int.test.ts real Postgres, *.e2e.test.ts real processes.
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] };
const roots = ['<rootDir>/services', '<rootDir>/gateway', '<rootDir>/test'];
const base = { transform, roots, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'] };
module.exports = {
  // Global only (Jest ignores it per project): starting four subgraphs on fresh databases, or the whole
  // system as processes, takes seconds to a minute on a busy 2-core machine.
  testTimeout: 120_000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '\\.e2e\\.test\\.ts$', '/node_modules/'],
    },
    // The Kafka tiers build the mock broker first (Jest runs a project's global setup only when it runs its tests).
    {
      ...base,
      displayName: 'int',
      testMatch: ['**/*.int.test.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
      globalSetup: '<rootDir>/test/kafka-mock.global-setup.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['**/*.e2e.test.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
      globalSetup: '<rootDir>/test/kafka-mock.global-setup.ts',
    },
  ],
};
