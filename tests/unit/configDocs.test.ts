import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configurationTables, TABLE_END, TABLE_START, withConfigurationTables } from '../../src/config/configTable';

const README = join(__dirname, '..', '..', 'README.md');

describe("the README's configuration tables", () => {
  it('match the settings declared in src/config/ (run `npm run docs:config` after changing a setting)', () => {
    const readme = readFileSync(README, 'utf8');
    const committed = readme.slice(readme.indexOf(TABLE_START) + TABLE_START.length, readme.indexOf(TABLE_END)).trim();
    expect(committed).toBe(configurationTables());
    expect(withConfigurationTables(readme)).toBe(readme);
  });

  it('name every variable the gateway reads, once, with its file field', () => {
    const tables = configurationTables();
    for (const name of ['PORT', 'CACHE_TTL_POST_LIST_SECONDS', 'CACHE_STALE_IF_ERROR_SECONDS', 'REDIS_BREAKER_WINDOW_BUCKETS', 'RELATED_TIMEOUT_MS', 'SERVER_HEADERS_TIMEOUT_MS']) {
      expect(tables.split(`| \`${name}\` |`)).toHaveLength(2);
    }
    expect(tables).toContain('| `CACHE_TTL_POST_SECONDS` | `cache.post.ttlSeconds` | `60` |');
    expect(tables).toContain('| `CACHE_MISS_TTL_SECONDS` | `cache.missTtlSeconds`, `cache.<kind>.missTtlSeconds` | `10` (post, related, postList), `30` (author, topic, topicList, topicChildren, authorList) |');
    expect(tables).toContain('| `WORDPRESS_TIMEOUT_MS` | `wordpress.timeoutMs` | `UPSTREAM_TIMEOUT_MS` |');
    expect(tables).not.toContain('_MS` | `cache.');
  });
});
