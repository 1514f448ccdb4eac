import { BadUserInputError } from './errors';

/*
 * Connection cursors encode a position in the upstream's ordering. Upstreams such as WordPress page by
 * offset, so an offset is what we can honour; the encoding stays opaque so that can change.
 */
const PREFIX = 'offset:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, argumentName = 'after'): number {
  const decoded = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const offset = decoded.startsWith(PREFIX) ? Number(decoded.slice(PREFIX.length)) : Number.NaN;
  if (!Number.isSafeInteger(offset) || offset < 0 || String(offset) !== decoded.slice(PREFIX.length)) {
    throw new BadUserInputError(`Argument "${argumentName}" is not a valid cursor. Use a cursor from a previous page.`, {
      argumentName,
    });
  }
  return offset;
}
