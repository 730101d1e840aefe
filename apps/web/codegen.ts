import type { CodegenConfig } from '@graphql-codegen/cli';

// Types come from the committed SDL (written by `npm run web:schema`), so no running server is needed.
const config: CodegenConfig = {
  schema: 'apps/web/schema.graphql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: {
          UUID: 'string',
          DateTime: 'string',
          Money: 'number',
          JSONObject: 'Record<string, unknown>',
        },
      },
    },
  },
  ignoreNoDocuments: true,
};

export default config;
