import { startTestGateway, type TestGateway } from '../support/startTestGateway';

const SUBSCRIBE = 'mutation($email: EmailAddress!, $topicIds: [ID!]) { subscribeToNewsletter(email: $email, topicIds: $topicIds) { status } }';
const NEWSLETTER = '{ newsletter { subscriberCount topics { id slug name } } }';

type NewsletterData = { newsletter: { subscriberCount: number; topics: { id: string; slug: string; name: string }[] } };

describe('the newsletter over HTTP', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    // Limits out of the way here; the test below has its own.
    gateway = await startTestGateway({ env: { READER_NEWSLETTER_LIMIT_PER_ADDRESS: '100', READER_NEWSLETTER_LIMIT_PER_EMAIL: '100' } });
  });
  afterAll(() => gateway.close());

  it('signs an anonymous reader up, and answers a second sign-up of the address exactly like the first', async () => {
    const first = await gateway.query(SUBSCRIBE, { email: 'Reader@Example.com' });
    const second = await gateway.query(SUBSCRIBE, { email: 'reader@example.com' });
    expect(first.body).toEqual({ data: { subscribeToNewsletter: { status: 'SUBSCRIBED' } } });
    expect(second.status).toBe(first.status);
    expect(second.body).toEqual(first.body);
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    expect(first.headers.get('surrogate-key')).toBeNull();
    await gateway.query(SUBSCRIBE, { email: 'someone.else@example.com' });

    // Read after the sign-ups (the count is then kept for a minute): the same address counts once.
    const { body, headers } = await gateway.query<NewsletterData>(NEWSLETTER);
    expect(body.errors).toBeUndefined();
    expect(body.data?.newsletter.subscriberCount).toBe(2);
    expect(body.data?.newsletter.topics.map((topic) => topic.slug)).toEqual(['politics', 'business', 'technology', 'science', 'culture']);
    // Public, like the rest of the page: the same for everybody.
    expect(headers.get('cache-control')).toMatch(/^public, max-age=60\b/);
  });

  it('takes topics from newsletter.topics, and refuses others as BAD_USER_INPUT', async () => {
    const { body } = await gateway.query<NewsletterData>(NEWSLETTER);
    const politics = body.data?.newsletter.topics.find((topic) => topic.slug === 'politics');
    const chosen = await gateway.query(SUBSCRIBE, { email: 'topics@example.com', topicIds: [politics?.id] });
    expect(chosen.body).toEqual({ data: { subscribeToNewsletter: { status: 'SUBSCRIBED' } } });

    const asia = await gateway.query<{ topic: { id: string } }>('{ topic(slug: "asia") { id } }');
    for (const topicIds of [[asia.body.data?.topic.id], ['not-a-global-id']]) {
      const refused = await gateway.query(SUBSCRIBE, { email: 'topics@example.com', topicIds });
      expect({ topicIds, code: refused.body.errors?.[0]?.extensions?.code }).toEqual({ topicIds, code: 'BAD_USER_INPUT' });
    }
  });

  it('refuses a malformed address as BAD_USER_INPUT', async () => {
    for (const email of ['not-an-address', 'a@', '']) {
      const { body, headers } = await gateway.query(SUBSCRIBE, { email });
      expect({ email, code: body.errors?.[0]?.extensions?.code }).toEqual({ email, code: 'BAD_USER_INPUT' });
      expect(headers.get('cache-control')).not.toMatch(/public/);
    }
  });
});

describe('newsletter rate limits', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({
      env: { READER_NEWSLETTER_LIMIT_PER_ADDRESS: '3', READER_NEWSLETTER_LIMIT_PER_EMAIL: '2', READER_CLIENT_ADDRESS_HEADER: 'x-forwarded-for' },
    });
  });
  afterAll(() => gateway.close());

  const from = (address: string) => ({ 'x-forwarded-for': `${address}, 10.0.0.1` });

  it('answers RATE_LIMITED with retryAfterSeconds past the per-address limit', async () => {
    for (const n of [1, 2, 3]) {
      const { body } = await gateway.query(SUBSCRIBE, { email: `n${n}@example.com` }, from('203.0.113.7'));
      expect({ n, body }).toEqual({ n, body: { data: { subscribeToNewsletter: { status: 'SUBSCRIBED' } } } });
    }
    const { status, body, headers } = await gateway.query(SUBSCRIBE, { email: 'n4@example.com' }, from('203.0.113.7'));
    expect(status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(body.errors?.[0]?.extensions?.retryAfterSeconds).toEqual(expect.any(Number));
    expect(body.errors?.[0]?.extensions?.retryAfterSeconds as number).toBeGreaterThan(0);
    expect(headers.get('cache-control')).toBe('private, no-store');
    // Another client address is not held back by this one.
    const other = await gateway.query(SUBSCRIBE, { email: 'n5@example.com' }, from('198.51.100.9'));
    expect(other.body.errors).toBeUndefined();
  });

  it('answers RATE_LIMITED past the per-email limit, from whichever address', async () => {
    const addresses = ['192.0.2.1', '192.0.2.2', '192.0.2.3'];
    const codes = [];
    for (const address of addresses) codes.push((await gateway.query(SUBSCRIBE, { email: 'target@example.com' }, from(address))).body.errors?.[0]?.extensions?.code ?? 'ok');
    expect(codes).toEqual(['ok', 'ok', 'RATE_LIMITED']);
  });
});
