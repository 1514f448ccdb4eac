import { ArticlePageDocument, AuthorPageDocument, LatestPostsDocument, TopicPageDocument, type ArticlePageQuery } from '../generated/operations';
import { countingSources } from '../support/countingSources';
import { aliasedQuery, directiveQuery, nestedQuery } from '../support/hostileQueries';
import { demoSources, startTestGateway, type TestGateway } from '../support/startTestGateway';
import { REFERENCE_SLUG } from '../support/fixtures';

describe('query limits with their defaults, in production', () => {
  const counted = countingSources(demoSources());
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ sources: counted.sources, env: { NODE_ENV: 'production' } });
  });
  afterAll(() => gateway.close());

  it('runs every real operation, each with its largest page where it has one', async () => {
    const article = await gateway.query<ArticlePageQuery>(ArticlePageDocument, { slug: REFERENCE_SLUG });
    expect(article.status).toBe(200);
    expect(article.body.errors).toBeUndefined();
    const authorSlug = article.body.data?.post?.author?.slug;
    const topicSlug = article.body.data?.post?.topics[0]?.slug;
    expect(authorSlug && topicSlug).toBeTruthy();

    const runs = [
      await gateway.query(AuthorPageDocument, { slug: authorSlug }),
      await gateway.query(AuthorPageDocument, { slug: authorSlug, first: 100 }),
      await gateway.query(TopicPageDocument, { slug: topicSlug }),
      await gateway.query(TopicPageDocument, { slug: topicSlug, first: 100 }),
      await gateway.query(LatestPostsDocument, {}),
      await gateway.query(LatestPostsDocument, { first: 100 }),
    ];
    for (const run of runs) {
      expect(run.status).toBe(200);
      expect(run.body.errors).toBeUndefined();
      expect(run.body.data).toBeTruthy();
    }
  });

  const refusals: [string, string, Record<string, unknown> | undefined, string, number][] = [
    ['depth', nestedQuery(11), undefined, 'Query depth limit of 10 exceeded, found 11.', 10],
    ['aliases', aliasedQuery(16), undefined, 'Aliases limit of 15 exceeded, found 16.', 15],
    ['directives', directiveQuery(11), undefined, 'Directives limit of 10 exceeded, found 11.', 10],
    [
      'cost',
      'query($n: Int!) { posts(first: $n) { edges { node { relatedStories(first: 20) { post { author { name } topics { name } } } } } } }',
      { n: 100 },
      'Query cost limit of 5000 exceeded, found 10301.',
      5000,
    ],
  ];

  it.each(refusals)('refuses one over the %s limit with 400 GRAPHQL_VALIDATION_FAILED naming the limit', async (limit, query, variables, message, maximum) => {
    counted.reset();
    const { status, body } = await gateway.query(query, variables);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.message).toContain(message);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit, maximum });
    expect(body.errors?.[0]?.extensions).not.toHaveProperty('http');
    expect(counted.count()).toBe(0);
  });

  it.each([
    ['depth', nestedQuery(10)],
    ['aliases', aliasedQuery(15)],
    ['directives', directiveQuery(10)],
  ])('accepts a query right at the %s limit', async (_limit, query) => {
    const { status, body } = await gateway.query(query);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('counts page sizes from variables: the same query is refused or run by what $n asks', async () => {
    const query = 'query($n: Int!) { posts(first: $n) { edges { node { relatedStories(first: 20) { post { author { name } topics { name } } } } } } }';
    // 1 + n × (edges 1 + node 1 + rail (1 + 20 × (post 1 + author 2 + topics 2))) = 1 + 103 n: 10,301 for 100.
    const small = await gateway.query(query, { n: 5 });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
  });

  it('refuses a document over the token limit at parse time with 400 GRAPHQL_PARSE_FAILED', async () => {
    counted.reset();
    const { status, body } = await gateway.query(`{ posts(first: 1) { ${Array.from({ length: 1000 }, () => 'totalCount').join(' ')} } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/1000 tokens/);
    expect(counted.count()).toBe(0);
  });

  it('stops validating after a few errors, so a bad document cannot make a huge reply', async () => {
    const { status, body } = await gateway.query(`{ ${Array.from({ length: 200 }, (_, index) => `unknown${index}`).join(' ')} }`);
    expect(status).toBe(400);
    // maxErrors (5) plus the one saying validation stopped.
    expect(body.errors).toHaveLength(6);
    expect(body.errors?.[5]?.message).toMatch(/Too many validation errors/);
  });

  it('applies configured limits instead of the defaults', async () => {
    const strict = await startTestGateway({ env: { NODE_ENV: 'production', QUERY_MAX_DEPTH: '4', QUERY_MAX_COST: '50', QUERY_MAX_TOKENS: '40' } });
    try {
      expect((await strict.query(nestedQuery(5))).body.errors?.[0]?.extensions).toMatchObject({ limit: 'depth', maximum: 4 });
      expect((await strict.query('{ posts(first: 60) { totalCount } }')).body.errors?.[0]?.extensions).toMatchObject({ limit: 'cost', maximum: 50 });
      expect((await strict.query(`{ posts(first: 1) { ${'totalCount '.repeat(40)} } }`)).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expect((await strict.query('{ posts(first: 40) { totalCount } }')).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it('prices each request by its own page-size variables, however often the operation ran within the limit', async () => {
    const strict = await startTestGateway({ env: { NODE_ENV: 'production', QUERY_MAX_COST: '50' } });
    try {
      const sized = 'query Sized($n: Int!, $after: String) { posts(first: $n, after: $after) { totalCount edges { cursor } } }';
      const byDefault = 'query ByDefault($n: Int = 40) { posts(first: $n) { totalCount edges { cursor } } }';
      for (let round = 0; round < 2; round += 1) {
        expect((await strict.query(sized, { n: 10 })).status).toBe(200);
        expect((await strict.query(sized, { n: 10, after: 'YXJyYXljb25uZWN0aW9uOjA' })).status).toBe(200);
        const refused = await strict.query(sized, { n: 40 });
        expect(refused.status).toBe(400);
        expect(refused.body.errors?.[0]?.message).toBe('Query cost limit of 50 exceeded, found 121. Ask for smaller pages (first) or fewer fields.');
        expect((await strict.query(byDefault)).status).toBe(400);
        expect((await strict.query(byDefault, { n: 5 })).status).toBe(200);
        expect((await strict.query(sized, { n: 'ten' })).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    } finally {
      await strict.close();
    }
  });
});
