/**
 * Where a job's data lives in Redis. One hash tag (`{jobs}`): every key of the jobs in one
 * Cluster slot, as the scripts touch several.
 */
export const JOBS_PREFIX = "spotgate:{jobs}";

/** How long the data of a job that has not finished may live (7 days): nothing lives forever. */
export const ACTIVE_TTL_S = 7 * 24 * 3600;

/** The keys of one job: its record (a hash of JSON fields) and what it produces. */
export interface JobKeys {
  rec: string;
  games: string;
  events: string;
  evals: string;
  results: string;
}

/** The keys of job `id`. */
export function jobKeys(id: string, prefix = JOBS_PREFIX): JobKeys {
  const rec = `${prefix}:${id}`;
  return {
    rec,
    games: `${rec}:games`,
    events: `${rec}:events`,
    evals: `${rec}:evals`,
    results: `${rec}:results`,
  };
}

/** The suffixes of a job's keys after its record key (the scripts expire them together). */
export const JOB_KEY_SUFFIXES = ["", ":games", ":events", ":evals", ":results"];

/**
 * Moves a job's status when it is one of the allowed ones: writes the patch, keeps the
 * waiting order and the by-status sets in step, and on a finished status expires every key
 * of the job after the result TTL. ARGV: prefix, id, to, allowed (JSON), patch (JSON of
 * field → JSON text), wait score, result TTL s (0: not finished), now ms, suffixes (JSON).
 */
export const TRANSITION = `
local p, id, to = ARGV[1], ARGV[2], ARGV[3]
local rec = p .. ':' .. id
local cur = redis.call('HGET', rec, 'status')
if not cur then return 0 end
cur = cjson.decode(cur)
local allowed = false
for _, s in ipairs(cjson.decode(ARGV[4])) do if s == cur then allowed = true end end
if not allowed then return 0 end
for k, v in pairs(cjson.decode(ARGV[5])) do redis.call('HSET', rec, k, v) end
redis.call('HSET', rec, 'status', cjson.encode(to))
redis.call('ZREM', p .. ':status:' .. cur, id)
redis.call('ZREM', p .. ':waiting', id)
if to == 'queued' then redis.call('ZADD', p .. ':waiting', ARGV[6], id) end
redis.call('ZADD', p .. ':status:' .. to, ARGV[8], id)
local ttl = tonumber(ARGV[7])
if ttl > 0 then
  for _, suffix in ipairs(cjson.decode(ARGV[9])) do redis.call('EXPIRE', rec .. suffix, ttl) end
end
return 1
`;

/**
 * Takes one of a user's active-batch slots (a set of job ids; members that finished or expired
 * are dropped first) unless `ARGV[4]` are already active. KEYS: the user's set. ARGV: job id,
 * prefix, set TTL s, limit. Returns nil when taken, else an active job's id.
 */
export const CLAIM_BATCH = `
for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local st = redis.call('HGET', ARGV[2] .. ':' .. member, 'status')
  if not st or st == '"completed"' or st == '"failed"' or st == '"cancelled"' then
    redis.call('SREM', KEYS[1], member)
  end
end
local active = redis.call('SMEMBERS', KEYS[1])
if #active >= tonumber(ARGV[4]) then table.sort(active) return active[1] end
redis.call('SADD', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return false
`;
