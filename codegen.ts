import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The schema is written in TypeScript (type-graphql); codegen prints it to the committed schema.graphql
 * that clients and reviewers read, types the repository's operations for the tests and frontends, and lists
 * them with their hashes in the trusted-documents manifest the gateway serves them from.
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
    // The trusted documents: what production frontends may send when PERSISTED_OPERATIONS_ONLY=true.
    'operations/persisted-query-manifest.json': {
      plugins: ['./scripts/codegenPersistedManifest.cjs'],
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
