import { z } from 'zod';
import type { UpstreamClient } from '../http/UpstreamClient';

/**
 * Trusted-documents manifests published by frontend builds (a CI artefact, a CDN file), fetched once at
 * start-up over the upstream client (deadline, retries, size bound). Their format is checked by the caller.
 */
export class ManifestUrlSource {
  constructor(private readonly client: UpstreamClient) {}

  async getManifest(url: URL): Promise<unknown> {
    const response = await this.client.request({ url, schema: z.unknown() });
    return response.body;
  }
}
