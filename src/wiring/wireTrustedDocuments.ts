import type { Logger } from 'pino';
import { UPSTREAM_DEFAULTS, type Config } from '../config';
import { loadTrustedDocuments } from '../server/trusted/loadTrustedDocuments';
import type { TrustedDocuments } from '../server/trusted/TrustedDocuments';
import { UpstreamClient } from '../sources/http/UpstreamClient';
import { ManifestUrlSource } from '../sources/trusted/ManifestUrlSource';
import { noopTelemetry } from '../telemetry';

/**
 * The trusted documents of PERSISTED_OPERATIONS_MANIFESTS, from files and URLs. Built before the metrics
 * registry (which lists their operation names), so URL fetches report to no telemetry; the upstream client
 * lives only as long as the start-up fetches.
 */
export async function wireTrustedDocuments(config: Config, logger: Logger): Promise<TrustedDocuments> {
  const { only, manifests } = config.persistedOperations;
  let client: UpstreamClient | undefined;
  const fetchManifest = (url: URL) => {
    client ??= new UpstreamClient({ serviceName: 'trusted-manifests', policy: UPSTREAM_DEFAULTS, telemetry: noopTelemetry, logger: logger.child({ upstream: 'trusted-manifests' }) });
    return new ManifestUrlSource(client).getManifest(url);
  };
  try {
    return await loadTrustedDocuments({ only, manifests, settingName: 'PERSISTED_OPERATIONS_MANIFESTS' }, fetchManifest, (error) =>
      logger.warn({ err: error }, 'a trusted-documents manifest is missing; its operations are accepted as text only'),
    );
  } finally {
    await client?.close();
  }
}
