import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';

export interface CompiledQueriesOptions {
  /**
   * Executions of a document before it is compiled. Compiling costs about as much as a few executions, so
   * a document sent once (a developer's one-off, a hostile stream of distinct documents) never pays it.
   */
  compileAfter: number;
  /** Called when graphql-jit cannot compile a document; it keeps running on graphql-js. */
  onCompileError?: (error: unknown) => void;
  /** Told which engine ran each operation (tests, metrics). */
  onExecuted?: (engine: 'graphql-jit' | 'graphql-js') => void;
  /** Operations that always run on graphql-js, never compiled (a subgraph's `_entities`). */
  runOnGraphqlJs?: (document: DocumentNode, operation: OperationDefinitionNode) => boolean;
}

type Entry = { uses: number; compiled?: CompiledQuery | null };

/**
 * graphql-jit's compiled form of each (document, operation name) in use, or undefined while a document
 * has not earned one (or cannot have one). Keyed by the parsed DocumentNode, which Apollo's document
 * store hands out again for the same query text: an entry lives exactly as long as Apollo keeps that
 * document, so the memory is bounded by Apollo's own store.
 */
export class CompiledQueries {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, Entry>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly options: CompiledQueriesOptions,
  ) {}

  get(document: DocumentNode, operationName: string | undefined): CompiledQuery | undefined {
    let byName = this.byDocument.get(document);
    if (!byName) {
      byName = new Map();
      this.byDocument.set(document, byName);
    }
    const key = operationName ?? '';
    let entry = byName.get(key);
    if (!entry) {
      entry = { uses: 0 };
      byName.set(key, entry);
    }
    if (entry.compiled !== undefined) return entry.compiled ?? undefined;
    entry.uses += 1;
    if (entry.uses <= this.options.compileAfter) return undefined;
    entry.compiled = this.compile(document, operationName);
    return entry.compiled ?? undefined;
  }

  private compile(document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    try {
      const compiled = compileQuery(this.schema, document, operationName);
      // A document graphql-jit refuses answers with errors instead of a query function.
      return isCompiledQuery(compiled) ? compiled : null;
    } catch (error) {
      this.options.onCompileError?.(error);
      return null;
    }
  }
}
