import type { Logger } from 'pino';
import type { MemoRegistry } from '../cache/MemoRegistry';
import type { Config } from '../config';
import { coalesceSources } from '../sources/coalesceSources';
import { createSources, type UpstreamReadinessCheck } from '../sources/createSources';
import { instrumentSources } from '../sources/instrumentSources';
import { instrumentPreviews, type PreviewPostSource, readsPreviews } from '../sources/PreviewPostSource';
import type { Sources } from '../sources/types';
import type { Telemetry } from '../telemetry';

export interface WiredSources {
  /** What loaders call: coalesced (identical calls in flight shared) and instrumented (metrics per call). */
  sources: Sources;
  /**
   * Where previews read posts: a posts adapter that reads previews itself (the demo newsroom), else what
   * config wired. Neither coalesced nor shared: each preview is read for its own request.
   */
  previews: PreviewPostSource | undefined;
  /** Upstream work done at start-up rather than on the first request; see GatewaySources.warmUp. */
  warmUp(): Promise<void>;
  readinessChecks: UpstreamReadinessCheck[];
  close(): Promise<void>;
}

/**
 * The sources as config chose them, with any leaf adapter a caller supplies in place of its slot (tests
 * give a fake or editable newsroom), then the same coalescing and instrumentation for every slot
 * whatever its origin: what tests run is what production runs.
 */
export function wireSources(
  config: Config,
  deps: { logger: Logger; telemetry: Telemetry; memos: MemoRegistry; purgeEpoch: () => number; adapters?: Partial<Sources> },
): WiredSources {
  const adapters = deps.adapters ?? {};
  const needsConfigured = (['posts', 'authors', 'topics', 'related'] as const).some((slot) => adapters[slot] === undefined);
  const configured = needsConfigured
    ? createSources(config, { logger: deps.logger, telemetry: deps.telemetry, purgeEpoch: deps.purgeEpoch, memo: (kind, options) => deps.memos.create(kind, options) })
    : undefined;
  const leaves: Sources = {
    posts: adapters.posts ?? (configured as NonNullable<typeof configured>).sources.posts,
    authors: adapters.authors ?? (configured as NonNullable<typeof configured>).sources.authors,
    topics: adapters.topics ?? (configured as NonNullable<typeof configured>).sources.topics,
    related: adapters.related ?? (configured as NonNullable<typeof configured>).sources.related,
  };
  const previewLeaf = adapters.posts ? (readsPreviews(adapters.posts) ? adapters.posts : undefined) : configured?.previews;
  const previews = config.preview ? previewLeaf : undefined;
  return {
    sources: instrumentSources(coalesceSources(leaves, deps.purgeEpoch), deps.telemetry),
    previews: previews && instrumentPreviews(previews, deps.telemetry),
    warmUp: async () => {
      await configured?.warmUp();
    },
    readinessChecks: configured?.readinessChecks ?? [],
    close: async () => {
      await configured?.close();
    },
  };
}
