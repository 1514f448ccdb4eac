import { BadUserInputError } from './errors';

/*
 * Opaque global ids ("Post:420", base64url) so that `node(id:)` can find any object and clients never
 * build ids themselves. base64url keeps ids safe in GET query strings.
 */
export type NodeTypeName = 'Post' | 'Author' | 'Topic';
const NODE_TYPES: ReadonlySet<string> = new Set<NodeTypeName>(['Post', 'Author', 'Topic']);

export function toGlobalId(type: NodeTypeName, localId: string): string {
  return Buffer.from(`${type}:${localId}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string): { type: NodeTypeName; localId: string } {
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const separator = decoded.indexOf(':');
  const type = decoded.slice(0, separator);
  const localId = decoded.slice(separator + 1);
  if (separator < 1 || !NODE_TYPES.has(type) || localId.length === 0) {
    throw new BadUserInputError(`"${truncate(globalId)}" is not a valid id.`, { argumentName: 'id' });
  }
  return { type: type as NodeTypeName, localId };
}

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
