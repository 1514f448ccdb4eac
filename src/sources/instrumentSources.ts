import type { Telemetry } from '../telemetry';
import type { EntityKind, Sources } from './types';

/**
 * Observes every source call per entity kind (count, latency, failures) without changing what it returns,
 * whatever the source is: an HTTP client, or the demo newsroom that makes no HTTP call at all. HTTP clients
 * report their raw upstream requests separately (Telemetry.upstreamCall).
 */
export function instrumentSources(sources: Sources, telemetry: Telemetry): Sources {
  const instrument = <K extends EntityKind>(kind: K): Sources[K] => {
    const source = sources[kind];
    return new Proxy(source, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || property === 'constructor') return value;
        const method = String(property);
        return async (...args: unknown[]) => {
          const startedAt = performance.now();
          try {
            const result: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args);
            telemetry.sourceCall(kind, source.name, method, 'ok', performance.now() - startedAt);
            return result;
          } catch (error) {
            telemetry.sourceCall(kind, source.name, method, 'error', performance.now() - startedAt);
            throw error;
          }
        };
      },
    });
  };
  return { posts: instrument('posts'), authors: instrument('authors'), topics: instrument('topics'), related: instrument('related') };
}
