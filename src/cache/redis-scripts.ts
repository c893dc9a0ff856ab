// Lua scripts of the Redis cache. Every key shares the hash tag `{sgcache}` (one Cluster slot),
// so a script may touch the index and any entry. Entries are hashes (d=depth, m=multipv,
// r=the EngineResult's JSON); the index is a sorted set of entry keys by last use (Redis TIME,
// never a replica's clock), which bounds the entries (least recently used out) and counts them.

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

/**
 * KEYS: entry, index. ARGV: ttl ms. Returns the entry's JSON or nil; a hit counts as a use
 * (the index score and the TTL are renewed: an entry lives CACHE_TTL after its last use).
 */
export const CACHE_GET: string = NOW + `
local r = redis.call('HGET', KEYS[1], 'r')
if r then
  redis.call('ZADD', KEYS[2], 'XX', now, KEYS[1])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
end
return r
`;

/**
 * KEYS: index, then the entry keys to write. ARGV: ttl ms, max entries, depth, multipv, JSON.
 * The compare-and-set of docs/design.md §9, atomic per key and across replicas: a key takes
 * the result only when it is deeper than what the key holds, or as deep with more lines.
 * Then the index forgets entries past their TTL and drops the least recently used past the
 * bound. Returns how many keys took the result.
 */
export const CACHE_PUT: string = NOW + `
local ttl, max = tonumber(ARGV[1]), tonumber(ARGV[2])
local d, m = tonumber(ARGV[3]), tonumber(ARGV[4])
local written = 0
for i = 2, #KEYS do
  local cur = redis.call('HMGET', KEYS[i], 'd', 'm')
  local cd, cm = tonumber(cur[1]), tonumber(cur[2])
  if not cd or d > cd or (d == cd and m > cm) then
    redis.call('HSET', KEYS[i], 'd', d, 'm', m, 'r', ARGV[5])
    redis.call('PEXPIRE', KEYS[i], ttl)
    redis.call('ZADD', KEYS[1], now, KEYS[i])
    written = written + 1
  end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - ttl)
local over = redis.call('ZCARD', KEYS[1]) - max
if over > 0 then
  local old = redis.call('ZPOPMIN', KEYS[1], over)
  for j = 1, #old, 2 do redis.call('DEL', old[j]) end
end
return written
`;
