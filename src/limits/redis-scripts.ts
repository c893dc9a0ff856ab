// Lua scripts of the Redis limiter. Every key shares the hash tag `{lim}` (one Cluster slot).
// Keys: <p>:<class>:all (zset id→deadline), <p>:<class>:u:<user> (zset), <p>:lease:<id> (hash
// c=class u=user t=ttl a=acquired). The set keys of a lease are derived from its hash; they
// are in the same slot by construction. Deadlines come from Redis TIME, never a replica clock.

const COMMON = `
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function user_key(p, c, u) return p .. ':' .. c .. ':u:' .. u end
local function keep(k, ms)
  if redis.call('PTTL', k) < ms then redis.call('PEXPIRE', k, ms) end
end
local function reap(p, c, all, now)
  local ids = redis.call('ZRANGEBYSCORE', all, '-inf', now)
  for _, id in ipairs(ids) do
    local u = redis.call('HGET', p .. ':lease:' .. id, 'u')
    if u and u ~= '' then redis.call('ZREM', user_key(p, c, u), id) end
    redis.call('DEL', p .. ':lease:' .. id)
  end
  redis.call('ZREMRANGEBYSCORE', all, '-inf', now)
  return #ids
end
local function put(p, c, all, u, id, ttl, acquired, now)
  local deadline = now + ttl
  redis.call('ZADD', all, deadline, id)
  keep(all, ttl + 1000)
  if u ~= '' then
    local uk = user_key(p, c, u)
    redis.call('ZADD', uk, deadline, id)
    keep(uk, ttl + 1000)
  end
  local lk = p .. ':lease:' .. id
  redis.call('HSET', lk, 'c', c, 'u', u, 't', ttl, 'a', acquired)
  redis.call('PEXPIRE', lk, ttl + 1000)
  return deadline
end
`;

/**
 * KEYS: all-set, user-set (or the all-set again when anonymous). ARGV: prefix, class, user
 * ('' = anonymous), user limit, global limit (0 = off), ttl ms, id, force ('1' = restore a
 * lease taken while Redis was away: no checks), acquired ms (restore only).
 * Returns {1, id, acquired, deadline, reaped} | {0, scope, reaped, userHeld, ids...}.
 */
export const ACQUIRE: string = COMMON + `
local p, c, u = ARGV[1], ARGV[2], ARGV[3]
local ulim, glim, ttl = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local now = now_ms()
local reaped = reap(p, c, KEYS[1], now)
local held, ids = 0, {}
if u ~= '' then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
  held = redis.call('ZCARD', KEYS[2])
  ids = redis.call('ZRANGE', KEYS[2], 0, 9)
end
if ARGV[8] ~= '1' then
  local scope = false
  if u ~= '' and ulim > 0 and held >= ulim then scope = 'user'
  elseif glim > 0 and redis.call('ZCARD', KEYS[1]) >= glim then scope = 'global' end
  if scope then return {0, scope, reaped, held, unpack(ids)} end
end
local acquired = now
if ARGV[8] == '1' then acquired = tonumber(ARGV[9]) end
local deadline = put(p, c, KEYS[1], u, ARGV[7], ttl, acquired, now)
return {1, ARGV[7], acquired, deadline, reaped}
`;

/** KEYS: lease hash. ARGV: prefix, id. Returns {1, class, user, acquired, deadline, ttl} | {0}. */
export const RENEW: string = COMMON + `
local p, id = ARGV[1], ARGV[2]
local h = redis.call('HMGET', KEYS[1], 'c', 'u', 't', 'a')
if not h[1] then return {0} end
local c, u, ttl = h[1], h[2], tonumber(h[3])
local all = p .. ':' .. c .. ':all'
local now = now_ms()
local score = redis.call('ZSCORE', all, id)
if (not score) or tonumber(score) <= now then
  reap(p, c, all, now)
  redis.call('ZREM', all, id)
  if u ~= '' then redis.call('ZREM', user_key(p, c, u), id) end
  redis.call('DEL', KEYS[1])
  return {0}
end
local deadline = put(p, c, all, u, id, ttl, h[4], now)
return {1, c, u, h[4], deadline, ttl}
`;

/** KEYS: lease hash. ARGV: prefix, id. Returns {1, class, user, acquired, now, ttl} | {0}. */
export const RELEASE: string = COMMON + `
local p, id = ARGV[1], ARGV[2]
local h = redis.call('HMGET', KEYS[1], 'c', 'u', 't', 'a')
if not h[1] then return {0} end
redis.call('ZREM', p .. ':' .. h[1] .. ':all', id)
if h[2] ~= '' then redis.call('ZREM', user_key(p, h[1], h[2]), id) end
redis.call('DEL', KEYS[1])
return {1, h[1], h[2], h[4], now_ms(), h[3]}
`;
