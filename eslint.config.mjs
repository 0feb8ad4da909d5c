// Guards the architecture: services never import one another; only the kit and demo-world are shared.
import tseslint from 'typescript-eslint';

const services = ['organizations', 'members', 'resources', 'activities'];
const noCrossService = services.map((name) => ({
  files: [`services/${name}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: services.filter((other) => other !== name).flatMap((other) => [`@cpb/${other}`, `@cpb/${other}/*`, `**/${other}/src/*`]),
    }],
  },
}));

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
);
