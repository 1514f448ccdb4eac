import { join } from 'node:path';
import { z } from 'zod';
import { section } from './Section';
import { setting } from './Setting';
import { flag, integer, type ValueType } from './valueTypes';

/** Where `npm run codegen` writes the trusted-documents manifest (the same path from src/config/ and dist/config/). */
export const DEFAULT_PERSISTED_OPERATIONS_MANIFEST = join(__dirname, '..', '..', 'operations', 'persisted-query-manifest.json');

const MANIFEST_LIST_ERROR = 'must be files or http(s) URLs of manifests, comma-separated (an array in the config file)';

/** Files and URLs: comma-separated in the environment (paths with commas are not worth supporting), an array in the file. */
const manifestList: ValueType<string[]> = {
  fromEnv: () =>
    z
      .string()
      .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
      .refine((entries) => entries.length > 0, { error: MANIFEST_LIST_ERROR }),
  fromFile: () => z.array(z.string().min(1), { error: MANIFEST_LIST_ERROR }).min(1, { error: MANIFEST_LIST_ERROR }),
  show: (entries) => entries.join(','),
};

export interface PersistedOperationsConfig {
  persistedOperations: {
    /** Accept only the operations in the manifest (trusted documents). */
    only: boolean;
    /** Manifests (files or URLs), one per frontend app, in Apollo's or the client preset's format. */
    manifests: string[];
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
      manifests: setting({
        env: 'PERSISTED_OPERATIONS_MANIFESTS',
        file: 'persistedOperations.manifests',
        type: manifestList,
        default: [DEFAULT_PERSISTED_OPERATIONS_MANIFEST],
        defaultDoc: '`operations/persisted-query-manifest.json`',
        doc: "trusted-documents manifests, comma-separated files or http(s) URLs, one per frontend app: Apollo's `persisted-query-manifest.json` or the client preset's `persisted-documents.json` (`npm run codegen` writes the default)",
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
  // Renamed when one gateway learned to serve several frontends' manifests: an old deployment must not
  // silently run with the default manifest.
  retired: [{ file: 'persistedOperations.manifestPath', message: 'renamed persistedOperations.manifests (an array of files or URLs)' }],
  retiredEnv: [{ env: 'PERSISTED_OPERATIONS_MANIFEST', message: 'renamed PERSISTED_OPERATIONS_MANIFESTS (comma-separated files or http(s) URLs); set that instead' }],
  build: (values): PersistedOperationsConfig => values,
});
