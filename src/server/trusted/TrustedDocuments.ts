import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const ManifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(z.object({ id: z.string().regex(/^[0-9a-f]{64}$/), name: z.string(), type: z.string(), body: z.string() })),
});

export interface TrustedDocument {
  id: string;
  name: string;
  body: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The project's own operations, by the SHA-256 of their text, as `npm run codegen` writes them to
 * operations/persisted-query-manifest.json. Production frontends send the id instead of the text; with
 * PERSISTED_OPERATIONS_ONLY=true nothing else runs.
 */
export class TrustedDocuments {
  private readonly byId: ReadonlyMap<string, TrustedDocument>;

  constructor(documents: readonly TrustedDocument[]) {
    for (const document of documents) {
      // A manifest edited by hand must not map an id to other text: the id is the promise of what runs.
      if (sha256Hex(document.body) !== document.id) throw new Error(`Trusted document "${document.name}" does not hash to its id ${document.id}.`);
    }
    this.byId = new Map(documents.map((document) => [document.id, document]));
  }

  static fromManifestFile(path: string): TrustedDocuments {
    const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) throw new Error(`${path} is not an Apollo persisted query manifest: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return new TrustedDocuments(parsed.data.operations);
  }

  /**
   * The manifest at `manifestPath`. When only trusted documents may run, a missing or broken manifest stops
   * start-up (it would refuse everything); otherwise `onMissing` is told and there are none.
   */
  static load(options: { only: boolean; manifestPath: string }, onMissing: (error: unknown) => void): TrustedDocuments {
    try {
      return TrustedDocuments.fromManifestFile(options.manifestPath);
    } catch (cause) {
      // Named by the setting that points at it: a bare ENOENT says neither what the file is nor how to fix it.
      const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (cause as Error).message;
      const error = new Error(`PERSISTED_OPERATIONS_MANIFEST: cannot load the trusted-documents manifest ${options.manifestPath}: ${reason}`);
      if (options.only) throw error;
      onMissing(error);
      return new TrustedDocuments([]);
    }
  }

  get size(): number {
    return this.byId.size;
  }

  byHash(id: string): TrustedDocument | undefined {
    return this.byId.get(id);
  }

  /** The trusted document with exactly this text, if any. */
  byText(text: string): TrustedDocument | undefined {
    return this.byId.get(sha256Hex(text));
  }

  names(): string[] {
    return [...this.byId.values()].map((document) => document.name);
  }
}
