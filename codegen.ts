import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The schema is written in TypeScript (type-graphql); codegen prints it to the committed schema.graphql
 * that clients and reviewers read, and types the repository's operations for the tests and frontends.
 */
const config: CodegenConfig = {
  schema: [{ 'src/server/buildGatewaySchema.ts': { loader: './scripts/loadCodeFirstSchema.cjs' } }],
  documents: ['operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: true, sort: false },
    },
    'tests/generated/operations.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTime: 'string', URL: 'string' },
        useTypeImports: true,
      },
    },
  },
};

export default config;
