import type { EntityKind, Sources } from '../../src/sources/types';

export interface SourceCall {
  kind: EntityKind;
  method: string;
  /** Keys asked for (ids or slugs), or the listing parameters. */
  args: unknown[];
}

/**
 * Wraps each entity kind's source so tests can count upstream calls per kind, the way a metrics wrapper
 * would: the wrapped object is the real source, only observed.
 */
export function countingSources(sources: Sources): { sources: Sources; calls: SourceCall[]; reset: () => void; count: (kind?: EntityKind) => number } {
  const calls: SourceCall[] = [];
  const wrap = <K extends EntityKind>(kind: K): Sources[K] =>
    new Proxy(sources[kind], {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || property === 'constructor') return value;
        return (...args: unknown[]) => {
          calls.push({ kind, method: String(property), args });
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return {
    sources: { posts: wrap('posts'), authors: wrap('authors'), topics: wrap('topics'), related: wrap('related') },
    calls,
    reset: () => {
      calls.length = 0;
    },
    count: (kind) => (kind ? calls.filter((call) => call.kind === kind).length : calls.length),
  };
}
