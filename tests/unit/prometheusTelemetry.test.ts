import { PrometheusTelemetry } from '../../src/metrics/PrometheusTelemetry';

function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((candidate) => candidate.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

describe('PrometheusTelemetry', () => {
  it('keeps each gateway’s counts in its own registry', async () => {
    const first = new PrometheusTelemetry({ processMetrics: false });
    const second = new PrometheusTelemetry({ processMetrics: false });
    first.cacheLookup('memory', 'post', 2, 1);
    expect(sample(await first.metrics(), 'gateway_cache_lookups_total{tier="memory",kind="post",result="hit"}')).toBe(2);
    expect(sample(await first.metrics(), 'gateway_cache_lookups_total{tier="memory",kind="post",result="miss"}')).toBe(1);
    expect(await second.metrics()).not.toContain('result="hit"');
  });

  it('shows one breaker state per service at a time', async () => {
    const telemetry = new PrometheusTelemetry({ processMetrics: false });
    telemetry.breakerState('wordpress', 'open');
    telemetry.breakerState('wordpress', 'half_open');
    const text = await telemetry.metrics();
    expect(sample(text, 'gateway_breaker_state{service="wordpress",state="half_open"}')).toBe(1);
    expect(sample(text, 'gateway_breaker_state{service="wordpress",state="open"}')).toBe(0);
    expect(sample(text, 'gateway_breaker_state{service="wordpress",state="closed"}')).toBe(0);
  });

  it('labels the endpoint class of an upstream that has several, and only then', async () => {
    const telemetry = new PrometheusTelemetry({ processMetrics: false });
    telemetry.breakerState('wordpress', 'open', 'listings');
    telemetry.breakerState('wordpress', 'closed', 'articles');
    telemetry.upstreamCall('wordpress', 'overloaded', 200, 'listings');
    telemetry.upstreamCall('related', 'ok', 20);
    const text = await telemetry.metrics();
    expect(sample(text, 'gateway_breaker_state{service="wordpress",state="open",endpoint_class="listings"}')).toBe(1);
    expect(sample(text, 'gateway_breaker_state{service="wordpress",state="open",endpoint_class="articles"}')).toBe(0);
    expect(sample(text, 'gateway_upstream_requests_total{service="wordpress",outcome="overloaded",endpoint_class="listings"}')).toBe(1);
    expect(sample(text, 'gateway_upstream_requests_total{service="related",outcome="ok"}')).toBe(1);
  });

  it('records upstream calls, source calls and loader batches by their labels', async () => {
    const telemetry = new PrometheusTelemetry({ processMetrics: false });
    telemetry.upstreamCall('wordpress', 'timeout', 1500);
    telemetry.sourceCall('posts', 'wordpress', 'getPostsByIds', 'ok', 12);
    telemetry.loaderBatch('postById', 6);
    const text = await telemetry.metrics();
    expect(sample(text, 'gateway_upstream_requests_total{service="wordpress",outcome="timeout"}')).toBe(1);
    expect(sample(text, 'gateway_upstream_request_duration_seconds_sum{service="wordpress",outcome="timeout"}')).toBe(1.5);
    expect(sample(text, 'gateway_source_calls_total{kind="posts",source="wordpress",method="getPostsByIds",outcome="ok"}')).toBe(1);
    expect(sample(text, 'gateway_loader_batch_size_sum{loader="postById"}')).toBe(6);
  });

  it('bounds operation-name labels: known names always, a few others, then "other"', async () => {
    const telemetry = new PrometheusTelemetry({ processMetrics: false, knownOperations: ['ArticlePage'], maxOperationNames: 2 });
    for (const name of ['ArticlePage', 'Mine', 'Yours', 'Theirs', 'bad name!', '']) telemetry.operation(name, 5, false);
    const text = await telemetry.metrics();
    const operations = new Set([...text.matchAll(/gateway_operation_duration_seconds_count\{operation="([^"]+)"/g)].map((match) => match[1]));
    expect([...operations].sort()).toEqual(['ArticlePage', 'Mine', 'Yours', 'anonymous', 'other'].sort());
  });
});
