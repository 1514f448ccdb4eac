import 'reflect-metadata';
import { isObjectType } from 'graphql';
import { buildGatewaySchema } from '../../src/server/buildGatewaySchema';

describe('leanResolvers', () => {
  const schema = buildGatewaySchema();
  const resolverOf = (typeName: string, fieldName: string) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
    return type.getFields()[fieldName]?.resolve;
  };

  it('calls resolvers whose parameters are roots, contexts, infos and scalar arguments directly', () => {
    for (const [typeName, fieldName] of [['Query', 'post'], ['Post', 'excerpt'], ['Post', 'relatedStories'], ['Post', 'id'], ['RelatedStory', 'title'], ['Author', 'id']]) {
      expect(resolverOf(typeName as string, fieldName as string)?.name).toBe(`${typeName}.${fieldName}`);
    }
  });

  it('keeps type-graphql\'s wrapper where it converts arguments into a class', () => {
    for (const [typeName, fieldName] of [['Query', 'posts'], ['Author', 'posts'], ['Topic', 'posts']]) {
      expect(resolverOf(typeName as string, fieldName as string)?.name).not.toBe(`${typeName}.${fieldName}`);
    }
  });

  it('passes the record and the arguments through as they are', () => {
    const post = Object.freeze({ id: '7', summaryText: 'One two three four five six seven eight nine ten.', authorIds: [], topicIds: [] });
    expect(resolverOf('Post', 'id')?.(post, {}, {}, {} as never)).toBe(Buffer.from('Post:7').toString('base64url'));
    expect(resolverOf('Post', 'excerpt')?.(post, { maxLength: 12 }, {}, {} as never)).toBe('One two…');
    expect(() => resolverOf('Post', 'excerpt')?.(post, { maxLength: 0 }, {}, {} as never)).toThrow('Argument "maxLength" must be between 1 and 1000; got 0.');
  });

  it('leaves plain data fields to the default resolver', () => {
    expect(resolverOf('Post', 'title')).toBeUndefined();
    expect(resolverOf('Author', 'name')).toBeUndefined();
  });
});
