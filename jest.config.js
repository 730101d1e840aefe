// One Jest run, three kinds of test. Unit tests are pure; integration and
// end-to-end tests talk to the real PostgreSQL and Redis, each file in its own
// database cloned from a migrated template (see test/setup/create-template.ts).
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const common = {
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^@delibera/(.*)$': '<rootDir>/libs/$1/src' },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  // Integration tests boot the real app and databases; unit tests finish long before.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/**/*.int-spec.ts', '<rootDir>/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/create-template.ts',
      globalTeardown: '<rootDir>/test/setup/drop-test-databases.ts',
    },
    {
      // Fault tests spawn and SIGKILL real worker processes (npm run test:faults).
      ...common,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.fault-spec.ts'],
      globalSetup: '<rootDir>/test/setup/create-template.ts',
      globalTeardown: '<rootDir>/test/setup/drop-test-databases.ts',
    },
  ],
};
