// Codegen loads schema files as ES modules, which cannot run type-graphql's decorators from TypeScript.
// This loader compiles the schema module with ts-node (decorator metadata included) and hands codegen the
// built GraphQLSchema.
require('ts-node').register({ transpileOnly: true, project: require('node:path').join(__dirname, '..', 'tsconfig.json') });
require('reflect-metadata');

module.exports = function loadCodeFirstSchema() {
  return require('../src/server/buildGatewaySchema').buildGatewaySchema();
};
