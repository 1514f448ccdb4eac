import { join } from 'node:path';
import { section } from './Section';
import { setting } from './Setting';
import { flag, integer, text } from './valueTypes';

/** Where `npm run codegen` writes the trusted-documents manifest (the same path from src/config/ and dist/config/). */
export const DEFAULT_PERSISTED_OPERATIONS_MANIFEST = join(__dirname, '..', '..', 'operations', 'persisted-query-manifest.json');

export interface PersistedOperationsConfig {
  persistedOperations: {
    /** Accept only the operations in the manifest (trusted documents). */
    only: boolean;
    manifestPath: string;
  };
  /** Automatic Persisted Queries: documents registered by hash at run time. */
  persistedQueries: { maxEntries: number };
}

export const persistedOperationsSection = section({
  title: 'Trusted documents and persisted queries',
  settings: {
    persistedOperations: {
      only: setting({
        env: 'PERSISTED_OPERATIONS_ONLY',
        file: 'persistedOperations.only',
        type: flag,
        default: false,
        doc: '`true`: run only the operations in the trusted-documents manifest',
      }),
      manifestPath: setting({
        env: 'PERSISTED_OPERATIONS_MANIFEST',
        file: 'persistedOperations.manifestPath',
        type: text(),
        default: DEFAULT_PERSISTED_OPERATIONS_MANIFEST,
        defaultDoc: '`operations/persisted-query-manifest.json`',
        doc: 'the manifest `npm run codegen` writes',
      }),
    },
    persistedQueries: {
      maxEntries: setting({
        env: 'PERSISTED_QUERIES_MAX_ENTRIES',
        file: 'persistedQueries.maxEntries',
        type: integer({ min: 1 }),
        default: 5_000,
        doc: "bound of the in-process store of Automatic Persisted Queries; registered documents are small and this many cover any real site's operations",
      }),
    },
  },
  build: (values): PersistedOperationsConfig => values,
});
