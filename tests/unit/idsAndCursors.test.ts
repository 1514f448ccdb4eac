import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor } from '../../src/cursor';
import { fromGlobalId, toGlobalId } from '../../src/globalId';

describe('global ids', () => {
  it('round-trip and are opaque', () => {
    const id = toGlobalId('Post', '420');
    expect(id).not.toContain('420');
    expect(fromGlobalId(id)).toEqual({ type: 'Post', localId: '420' });
    expect(fromGlobalId(toGlobalId('Topic', 'a:b'))).toEqual({ type: 'Topic', localId: 'a:b' });
  });

  it.each(['', 'not base64!', Buffer.from('Secret:1').toString('base64url'), Buffer.from('Post:').toString('base64url'), 'x'.repeat(300)])(
    'rejects %p with BAD_USER_INPUT',
    (bad) => {
      expect.assertions(2);
      try {
        fromGlobalId(bad);
      } catch (error) {
        expect(error).toBeInstanceOf(GraphQLError);
        expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
      }
    },
  );
});

describe('cursors', () => {
  it('round-trip offsets', () => {
    expect(decodeCursor(encodeCursor(0))).toBe(0);
    expect(decodeCursor(encodeCursor(1234))).toBe(1234);
  });

  it.each(['', 'garbage', Buffer.from('offset:-1').toString('base64url'), Buffer.from('offset:1e3').toString('base64url'), Buffer.from('offset:01').toString('base64url')])(
    'rejects %p with BAD_USER_INPUT naming the argument',
    (bad) => {
      expect(() => decodeCursor(bad)).toThrow(/"after"/);
    },
  );
});
