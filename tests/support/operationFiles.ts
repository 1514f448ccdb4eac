import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';

export const OPERATIONS_DIR = join(__dirname, '..', '..', 'operations');

/** The project's real operations, as the files in operations/ hold them. */
export function operationFiles(): { name: string; source: string; document: DocumentNode }[] {
  return readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const source = readFileSync(join(OPERATIONS_DIR, file), 'utf8');
      return { name: file.replace(/\.graphql$/, ''), source, document: parse(source) };
    });
}

/** The queries among them: what engine, cache-policy and subgraph comparisons run (a mutation writes). */
export function queryOperationFiles(): ReturnType<typeof operationFiles> {
  return operationFiles().filter(({ document }) => document.definitions.every((definition) => definition.kind !== 'OperationDefinition' || definition.operation === 'query'));
}
