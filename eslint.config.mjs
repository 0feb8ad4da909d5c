// Guards the architecture: services never import one another; only the kit, demo-world and the subgraph list are shared.
import tseslint from 'typescript-eslint';
import subgraphs from './services/subgraphs/src/subgraphs.json' with { type: 'json' };

const services = subgraphs.map((s) => s.name);
const noCrossService = services.map((name) => ({
  files: [`services/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: services.filter((other) => other !== name).flatMap((other) => [`@cpb/${other}`, `@cpb/${other}/*`, `**/${other}/src/*`]),
      },
    ],
  },
}));

// The kit serves any service: it imports none of them, nor the demo district (services inject what it needs).
const kitStandsAlone = {
  files: ['services/kit/**/*.ts'],
  ignores: ['services/kit/src/testing/federation.ts', 'services/kit/src/testing/on-broker.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['@cpb/*'],
            message: 'The kit imports no workspace: take what a service knows (its world, the subgraph list) as a parameter.',
          },
        ],
      },
    ],
  },
};

// The one exception: the testing entry's federation harness (never built into an image) starts the whole
// system, so it reads the subgraph list and loads the gateway; services it loads by name, never imports.
const federationHarness = {
  files: ['services/kit/src/testing/federation.ts', 'services/kit/src/testing/on-broker.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['@cpb/*', '!@cpb/subgraphs', '!@cpb/gateway'],
            message: 'The harness reads the subgraph list and starts the gateway; it imports no service.',
          },
        ],
      },
    ],
  },
};

// The gateway's image carries no database client (only kafkajs, its cache's evictor): it imports the kit's core only.
const gatewayKitCore = {
  files: ['gateway/src/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [{ name: '@cpb/kit', message: "Import '@cpb/kit/core': the whole kit brings TypeORM, pg and kafkajs into the gateway." }],
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'jest.config.js'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  ...noCrossService,
  kitStandsAlone,
  federationHarness,
  gatewayKitCore,
);
