import { readFile } from 'node:fs/promises';
import { parseManifest, type TrustedDocument } from './manifestFormats';
import { TrustedDocuments } from './TrustedDocuments';

export interface TrustedManifestOptions {
  /** Accept only the operations in the manifests. */
  only: boolean;
  /** Files and http(s) URLs of manifests, in either format. */
  manifests: readonly string[];
  /** How the setting is named in messages: the variable operators set. */
  settingName: string;
}

/** Reads a manifest's JSON from a URL: a source (src/sources/trusted/ManifestUrlSource.ts), since that is HTTP. */
export type FetchManifest = (url: URL) => Promise<unknown>;

/**
 * The trusted documents of every manifest. When only trusted documents may run, a missing or broken manifest
 * stops start-up (the gateway would refuse that app's every request); otherwise `onMissing` is told and that
 * manifest adds none. Every message names the setting and the file or URL.
 */
export async function loadTrustedDocuments(options: TrustedManifestOptions, fetchManifest: FetchManifest, onMissing: (error: Error) => void): Promise<TrustedDocuments> {
  const loaded = await Promise.all(
    options.manifests.map(async (location) => {
      try {
        return await readManifest(location, fetchManifest);
      } catch (error) {
        const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
        const reason = `${error instanceof Error ? error.message : String(error)}${typeof code === 'string' ? ` (${code})` : ''}`;
        const failure = new Error(`${options.settingName}: cannot use the trusted-documents manifest ${location}: ${reason}`, { cause: error });
        if (options.only) throw failure;
        onMissing(failure);
        return [];
      }
    }),
  );
  return new TrustedDocuments(loaded.flat());
}

async function readManifest(location: string, fetchManifest: FetchManifest): Promise<TrustedDocument[]> {
  if (/^https?:\/\//i.test(location)) return parseManifest(await fetchManifest(new URL(location)), location);
  const text = await readFile(location, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? 'no such file' : error.message);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON (${(error as Error).message})`);
  }
  return parseManifest(json, location);
}
