import { RequestKeyMemo } from '../../src/server/httpCache/RequestKeyMemo';
import { createHash } from 'node:crypto';
import { canonicalJson, graphqlRequestParts, responseCacheKey } from '../../src/server/httpCache/responseCacheKey';
import { carriesCredentials, headerRefusal, requestRefusal } from '../../src/server/httpCache/requestAcceptance';

const QUERY = 'query A($slug: String!) { post(slug: $slug) { title } }';
const HASH = createHash('sha256').update(QUERY).digest('hex');
const keyOf = (body: unknown, accept?: string) => {
  const parts = graphqlRequestParts('POST', body, new URLSearchParams());
  return parts && responseCacheKey(parts, accept);
};

describe('response cache key', () => {
  it('is the same for the same request, whatever the order of variables', () => {
    expect(keyOf({ query: QUERY, variables: { slug: 'a', extra: { b: 1, a: 2 } } })).toBe(keyOf({ variables: { extra: { a: 2, b: 1 }, slug: 'a' }, query: QUERY }));
  });

  it('differs for anything that changes the answer: variables, operation name, text, Accept', () => {
    const base = keyOf({ query: QUERY, variables: { slug: 'a' } });
    expect(keyOf({ query: QUERY, variables: { slug: 'b' } })).not.toBe(base);
    expect(keyOf({ query: QUERY, variables: { slug: 'a' }, operationName: 'A' })).not.toBe(base);
    expect(keyOf({ query: `${QUERY} `, variables: { slug: 'a' } })).not.toBe(base);
    expect(keyOf({ query: QUERY, variables: { slug: 'a' } }, 'application/graphql-response+json')).not.toBe(base);
  });

  it('meets a persisted-query hash and its full text in one key, and agrees between GET and POST', () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: HASH } };
    const byText = keyOf({ query: QUERY, variables: { slug: 'a' } });
    expect(keyOf({ extensions, variables: { slug: 'a' } })).toBe(byText);
    expect(keyOf({ query: QUERY, extensions, variables: { slug: 'a' } })).toBe(byText);
    const search = new URLSearchParams({ extensions: JSON.stringify(extensions), variables: '{"slug":"a"}' });
    const fromGet = graphqlRequestParts('GET', undefined, search);
    expect(fromGet && responseCacheKey(fromGet, undefined)).toBe(byText);
  });

  it('has no key for what Apollo would refuse or cannot be keyed', () => {
    const otherHash = createHash('sha256').update('{ other }').digest('hex');
    expect(keyOf({ query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: otherHash } } })).toBeUndefined();
    expect(keyOf({ extensions: { persistedQuery: { version: 1, sha256Hash: 'short' } } })).toBeUndefined();
    expect(keyOf([{ query: QUERY }])).toBeUndefined();
    expect(keyOf({ variables: {} })).toBeUndefined();
    expect(keyOf({ query: 42 })).toBeUndefined();
    expect(graphqlRequestParts('GET', undefined, new URLSearchParams({ query: QUERY, variables: '{bad' }))).toBeUndefined();
  });

  it('writes canonical JSON with sorted keys at every level', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null, skipped: undefined })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });
});

describe('who may use the response cache', () => {
  it('never a request with Authorization or Cookie', () => {
    expect(carriesCredentials({ authorization: 'Bearer x' })).toBe(true);
    expect(carriesCredentials({ cookie: 'a=b' })).toBe(true);
    expect(carriesCredentials({ accept: 'application/json' })).toBe(false);
  });

  it('refuses a POST a browser could send cross-site without a preflight, and nothing else on its headers', () => {
    expect(headerRefusal('POST', { 'content-type': 'application/json; charset=utf-8' })).toBeUndefined();
    expect(headerRefusal('POST', { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' })).toBeUndefined();
    expect(headerRefusal('POST', { 'x-apollo-operation-name': 'A' })).toBeUndefined();
    expect(headerRefusal('POST', {})?.status).toBe(400);
    expect(headerRefusal('POST', { 'content-type': 'text/plain;charset=UTF-8' })?.status).toBe(400);
    expect(headerRefusal('POST', { 'content-type': 'multipart/form-data; boundary=x' })?.status).toBe(400);
    expect(headerRefusal('POST', { 'content-type': 'application/x-www-form-urlencoded', 'apollo-require-preflight': '' })?.status).toBe(400);
  });

  it('takes a GET without content-type, refuses a GET with any but application/json (415) and repeated parameters (400)', () => {
    expect(headerRefusal('GET', {})).toBeUndefined();
    expect(headerRefusal('GET', { 'content-type': 'application/json' })).toBeUndefined();
    expect(headerRefusal('GET', { 'content-type': 'application/graphql-response+json' })?.status).toBe(415);
    expect(requestRefusal('GET', {}, new URLSearchParams('query=a&query=a'))?.status).toBe(400);
    expect(requestRefusal('GET', {}, new URLSearchParams('query=a&variables=%7B%7D&variables=%7B%7D'))?.message).toMatch(/'variables'/);
    expect(requestRefusal('GET', {}, new URLSearchParams('query=a&operationName=A'))).toBeUndefined();
  });
});

describe('RequestKeyMemo', () => {
  it('remembers a key by the exact bytes and Accept header, and forgets the oldest past its byte bound', () => {
    const memo = new RequestKeyMemo();
    const body = Buffer.from('{"query":"{ a }"}');
    memo.remember(body, undefined, 'key-1');
    expect(memo.get(Buffer.from('{"query":"{ a }"}'), undefined)).toBe('key-1');
    expect(memo.get(Buffer.from('{"query": "{ a }"}'), undefined)).toBeUndefined();
    expect(memo.get(body, 'application/graphql-response+json')).toBeUndefined();
    // 4 MiB of other 8 KiB bodies push the first one out.
    for (let index = 0; index < 600; index += 1) memo.remember(Buffer.from(`${index}`.padEnd(8 * 1024, ' ')), undefined, `key-${index}`);
    expect(memo.get(body, undefined)).toBeUndefined();
    // A body over 8 KiB is never remembered.
    const big = Buffer.from(' '.repeat(8 * 1024 + 1));
    memo.remember(big, undefined, 'big');
    expect(memo.get(big, undefined)).toBeUndefined();
  });

  it('keeps query strings apart from bodies, and by their exact text and Accept header', () => {
    const memo = new RequestKeyMemo();
    const search = '?extensions=%7B%22persistedQuery%22%3A%7B%7D%7D';
    memo.rememberForSearch(search, undefined, 'get-key');
    expect(memo.getForSearch(search, undefined)).toBe('get-key');
    expect(memo.getForSearch(`${search}&x=1`, undefined)).toBeUndefined();
    expect(memo.getForSearch(search, 'application/json')).toBeUndefined();
    // The same text as a POST body is a different request.
    expect(memo.get(Buffer.from(search), undefined)).toBeUndefined();
  });
});
