import { graphql } from 'graphql';
import { createContext } from '../../src/context';
import type { Principal } from '../../src/identity/Authenticator';
import { RequestOutcome } from '../../src/requestOutcome';
import { buildGatewaySchema } from '../../src/server/buildGatewaySchema';
import { DemoNewsroomSource } from '../../src/sources/demo/DemoNewsroomSource';
import { REFERENCE_AUTOSAVE_TITLE, REFERENCE_SLUG, REFERENCE_TITLE } from '../support/fixtures';
import { memoryGatewayCache } from '../support/memoryCache';

/*
 * Who may preview, decided in the resolver from the principal the HTTP edge verified: an editor only. A
 * reader's token is verified too (issue 10's audience), and it is not an editor's. Every preview request
 * is marked private on the outcome, whoever asks and whatever the answer.
 */
const demo = new DemoNewsroomSource();
const sources = { posts: demo, authors: demo, topics: demo, related: demo };
const QUERY = `query { post(slug: "${REFERENCE_SLUG}", preview: true) { title isPreview } }`;

async function ask(principal: Principal, previews = true) {
  const outcome = new RequestOutcome(principal.kind !== 'anonymous');
  const contextValue = createContext(
    { sources, cache: memoryGatewayCache(), previews: previews ? demo : undefined },
    { requestId: 'req-1', signal: new AbortController().signal },
    outcome,
    principal,
  );
  const result = await graphql({ schema: buildGatewaySchema(), source: QUERY, contextValue });
  return { result, outcome };
}

describe('who may preview', () => {
  it('lets an editor preview', async () => {
    const { result, outcome } = await ask({ kind: 'editor', editorId: 'ed-1' });
    expect(result).toEqual({ data: { post: { title: REFERENCE_AUTOSAVE_TITLE, isPreview: true } } });
    expect(outcome.privateAnswer).toBe(true);
  });

  it.each<[string, Principal]>([
    ['a reader', { kind: 'reader', readerId: 'reader-a' }],
    ['an anonymous caller', { kind: 'anonymous' }],
  ])('answers %s FORBIDDEN, with nothing of the post, and marks the answer private', async (_who, principal) => {
    const { result, outcome } = await ask(principal);
    expect(result.data).toEqual({ post: null });
    expect(result.errors?.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);
    expect(outcome.privateAnswer).toBe(true);
  });

  it('answers an editor FORBIDDEN where no source can read previews', async () => {
    const { result } = await ask({ kind: 'editor', editorId: 'ed-1' }, false);
    expect(result.errors?.map((error) => error.extensions.code)).toEqual(['FORBIDDEN']);
  });

  it('leaves an answer without preview: true as shareable as before', async () => {
    const outcome = new RequestOutcome(false);
    const contextValue = createContext({ sources, cache: memoryGatewayCache(), previews: demo }, { requestId: 'req-2', signal: new AbortController().signal }, outcome);
    const result = await graphql({ schema: buildGatewaySchema(), source: `query { post(slug: "${REFERENCE_SLUG}") { title status isPreview } }`, contextValue });
    expect(result).toEqual({ data: { post: { title: REFERENCE_TITLE, status: 'PUBLISHED', isPreview: false } } });
    expect(outcome.privateAnswer).toBe(false);
  });
});
