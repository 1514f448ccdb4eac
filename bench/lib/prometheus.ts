/** One sample of a Prometheus text exposition: `name{a="x",b="y"} 12`. */
export interface Sample {
  labels: Record<string, string>;
  value: number;
}

/** The samples of one metric in Prometheus's text format (what /metrics serves). */
export function samplesOf(text: string, metric: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith(metric) || (line[metric.length] !== '{' && line[metric.length] !== ' ')) continue;
    const match = /^[^{\s]+(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[1] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1] as string] = pair[2] as string;
    samples.push({ labels, value: Number(match[2]) });
  }
  return samples;
}

/**
 * Entity-cache hit rate per tier between two scrapes of /metrics (`gateway_cache_lookups_total`, counted
 * by tier, kind and result): hits / lookups over the interval. Tiers without lookups are left out.
 */
export function cacheHitRatesBetween(before: string, after: string): Record<string, number> {
  const totals = (text: string) => {
    const byTier = new Map<string, { hit: number; miss: number }>();
    for (const { labels, value } of samplesOf(text, 'gateway_cache_lookups_total')) {
      const tier = labels.tier ?? 'unknown';
      const entry = byTier.get(tier) ?? { hit: 0, miss: 0 };
      if (labels.result === 'hit') entry.hit += value;
      else if (labels.result === 'miss') entry.miss += value;
      byTier.set(tier, entry);
    }
    return byTier;
  };
  const start = totals(before);
  const rates: Record<string, number> = {};
  for (const [tier, end] of totals(after)) {
    const hits = end.hit - (start.get(tier)?.hit ?? 0);
    const lookups = hits + end.miss - (start.get(tier)?.miss ?? 0);
    if (lookups > 0) rates[tier] = hits / lookups;
  }
  return rates;
}
