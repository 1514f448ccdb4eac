import { createHash } from 'node:crypto';
import { z } from 'zod';

export interface TrustedDocument {
  /** As the client sends it, without an algorithm prefix (`sha256:`), lower-case when it is a hex hash. */
  id: string;
  name: string;
  body: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** `@apollo/generate-persisted-query-manifest` (and `npm run codegen` here): ids are the SHA-256 of the body. */
const ApolloManifest = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(z.object({ id: z.string().min(1), name: z.string(), type: z.string(), body: z.string().min(1) })),
});

/** The GraphQL Code Generator client preset's `persisted-documents.json`: `{ "<hash>": "<document>" }`. */
const ClientPresetManifest = z.record(z.string().min(1), z.string().min(1));

const HASHES: Record<string, { algorithm: 'sha1' | 'sha256'; hexLength: number }> = {
  sha1: { algorithm: 'sha1', hexLength: 40 },
  sha256: { algorithm: 'sha256', hexLength: 64 },
};

/**
 * The documents of a manifest in either format frontends generate. `origin` names the file or URL in
 * messages. An id that names a hash (`sha256:…`, or 40 or 64 hex digits) must be that hash of its body: the
 * id is the promise of what runs, and a hand-edited manifest must not break it. Other ids (the client
 * preset's custom `hashAlgorithm` functions) are taken as they are.
 */
export function parseManifest(json: unknown, origin: string): TrustedDocument[] {
  if (typeof json === 'object' && json !== null && 'format' in json) {
    const apollo = ApolloManifest.safeParse(json);
    if (!apollo.success) throw new Error(`${origin} is not a valid Apollo persisted query manifest: ${describe(apollo.error)}`);
    return apollo.data.operations.map((operation) => checked(operation.id, operation.name, operation.body, origin));
  }
  const preset = ClientPresetManifest.safeParse(json);
  if (!preset.success) {
    throw new Error(
      `${origin} is neither an Apollo persisted query manifest ({"format":"apollo-persisted-query-manifest",...}) nor a GraphQL Code Generator persisted-documents.json ({"<hash>":"<document>"}): ${describe(preset.error)}`,
    );
  }
  return Object.entries(preset.data).map(([id, body]) => checked(id, operationName(body), body, origin));
}

function checked(rawId: string, name: string, body: string, origin: string): TrustedDocument {
  const prefixed = /^(sha1|sha256):(.*)$/i.exec(rawId);
  const hex = (prefixed?.[2] ?? rawId).toLowerCase();
  const hash = prefixed ? HASHES[String(prefixed[1]).toLowerCase()] : Object.values(HASHES).find((known) => known.hexLength === hex.length && /^[0-9a-f]+$/.test(hex));
  if (!hash) return { id: rawId, name, body };
  if (createHash(hash.algorithm).update(body, 'utf8').digest('hex') !== hex) {
    throw new Error(`${origin}: trusted document "${name}" does not hash to its id ${rawId} (${hash.algorithm} of its body).`);
  }
  return { id: hex, name, body };
}

/** The first operation's name, for metrics and logs; the client preset's manifest lists documents only. */
function operationName(body: string): string {
  return /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(body)?.[1] ?? 'anonymous';
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(top level)'}: ${issue.message}` : 'invalid';
}
