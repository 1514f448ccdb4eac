import { encodeCursor } from '../cursor';
import type { PageInfo } from '../schema/PageInfo';

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection of one offset page: cursors are positions in the whole list. */
export function connectionOf<T>(items: T[], offset: number, totalCount: number): Connection<T> {
  const edges = items.map((node, index) => ({ node, cursor: encodeCursor(offset + index) }));
  return {
    edges,
    nodes: items,
    totalCount,
    pageInfo: {
      hasPreviousPage: offset > 0,
      hasNextPage: offset + items.length < totalCount,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
