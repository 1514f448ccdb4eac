import { createHash } from 'node:crypto';
import type { RedisConnection } from './RedisConnection';

type Client = RedisConnection['client'];

/**
 * A Lua script run atomically in Redis: what a purge and a refill must not interleave with (a check and
 * the write it allows; a delete and the generation that follows it). Sent by hash, the text only when
 * Redis does not know it yet (after a restart).
 */
export class RedisScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(client: Client, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await client.evalSha(this.sha, { keys, arguments: args });
    } catch (error) {
      if (!String((error as Error)?.message).startsWith('NOSCRIPT')) throw error;
      return client.eval(this.source, { keys, arguments: args });
    }
  }
}

/**
 * Advances the shared generation and stamps each name with it (KEYS[1] the counter, the rest the names'
 * keys; ARGV[1] how long a stamp is kept). Answers the new generation.
 */
export const ADVANCE = new RedisScript(`
local generation = redis.call('INCR', KEYS[1])
for index = 2, #KEYS do redis.call('SET', KEYS[index], generation, 'PX', ARGV[1]) end
return generation
`);

/**
 * A purge's delete and its second generation, as one step, so no refill can land between them.
 * KEYS: the counter, then ARGV[2] keys to delete, ARGV[3] tag sets whose members go too, then the names'
 * stamp keys. ARGV[1]: how long a stamp is kept. Answers {new generation, members deleted per set}.
 */
export const PURGE = new RedisScript(`
local keyCount = tonumber(ARGV[2])
local setCount = tonumber(ARGV[3])
local deleted = {}
for index = 2, 1 + keyCount do redis.call('UNLINK', KEYS[index]) end
for index = 2 + keyCount, 1 + keyCount + setCount do
  local members = redis.call('SMEMBERS', KEYS[index])
  for start = 1, #members, 500 do
    redis.call('UNLINK', unpack(members, start, math.min(start + 499, #members)))
  end
  deleted[#deleted + 1] = #members
  redis.call('UNLINK', KEYS[index])
end
local generation = redis.call('INCR', KEYS[1])
for index = 2 + keyCount + setCount, #KEYS do redis.call('SET', KEYS[index], generation, 'PX', ARGV[1]) end
return {generation, unpack(deleted)}
`);

/**
 * Writes entries unless a name one depends on was stamped after the writer's mark (ARGV[1]); each
 * written entry joins its index sets in the same step. KEYS[1] is the counter; ARGV[2] the entry count;
 * then per entry KEYS: its key, its dependencies' stamp keys, its sets; ARGV: value, ttl, dependency
 * count, set count, then member and ttl per set (an empty member stands for the entry's own key).
 * A counter below the mark means Redis lost its data: nothing is written. Answers {counter, written}.
 */
export const WRITE_UNLESS_PURGED = new RedisScript(`
local counter = tonumber(redis.call('GET', KEYS[1]) or '0')
local mark = tonumber(ARGV[1])
if counter < mark then return {counter, 0} end
local key, arg, written = 2, 3, 0
for entry = 1, tonumber(ARGV[2]) do
  local entryKey = KEYS[key]
  local value, ttl, deps, sets = ARGV[arg], ARGV[arg + 1], tonumber(ARGV[arg + 2]), tonumber(ARGV[arg + 3])
  arg = arg + 4
  local fresh = true
  if counter > mark then
    for dep = key + 1, key + deps do
      local stamp = redis.call('GET', KEYS[dep])
      if stamp and tonumber(stamp) > mark then fresh = false break end
    end
  end
  key = key + 1 + deps
  if fresh then
    redis.call('SET', entryKey, value, 'PX', ttl)
    written = written + 1
  end
  for set = 1, sets do
    if fresh then
      local member = ARGV[arg]
      if member == '' then member = entryKey end
      redis.call('SADD', KEYS[key], member)
      redis.call('PEXPIRE', KEYS[key], ARGV[arg + 1])
    end
    key = key + 1
    arg = arg + 2
  end
end
return {counter, written}
`);
