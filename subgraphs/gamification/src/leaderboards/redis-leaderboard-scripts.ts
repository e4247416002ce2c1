/**
 * The Lua scripts of the Redis leaderboards. A board is two keys with one hash tag (one slot in a
 * cluster): `…{<board>}:z`, a sorted set whose members are `<tie><athleteId>`, and `…{<board>}:h`, a hash
 * from athlete id to current member plus the board's change counter `#seq`. `<tie>` is 999 999 999 999 999
 * minus the change number, 15 digits: ZREVRANGE orders equal scores by member descending, so the earlier
 * change (the larger tie) comes first.
 */
import { ZERO_SCORE_TOLERANCE } from './leaderboard-store';

/** Width of the tie prefix of a member, separator included. */
export const TIE_PREFIX_LENGTH = 16;

/**
 * KEYS: z, h. ARGV: expiry (unix ms, '' = none), then athleteId, delta pairs. Per pair: the old member's
 * score plus delta is written under a new member (a new tie), or removed when it is 0. Then the expiry.
 */
export const ADD_SCRIPT = `
local z, h = KEYS[1], KEYS[2]
local seq = tonumber(redis.call('HGET', h, '#seq') or '0')
for i = 2, #ARGV, 2 do
  local athlete, delta = ARGV[i], tonumber(ARGV[i + 1])
  local old = redis.call('HGET', h, athlete)
  local score = delta
  if old then
    local previous = redis.call('ZSCORE', z, old)
    if previous then score = tonumber(previous) + delta end
    redis.call('ZREM', z, old)
  end
  if math.abs(score) < ${ZERO_SCORE_TOLERANCE} then
    if old then redis.call('HDEL', h, athlete) end
  else
    seq = seq + 1
    local member = string.format('%015d', 999999999999999 - seq) .. ':' .. athlete
    redis.call('ZADD', z, score, member)
    redis.call('HSET', h, athlete, member)
  end
end
if redis.call('ZCARD', z) == 0 then
  redis.call('DEL', h)
  return 1
end
redis.call('HSET', h, '#seq', seq)
if ARGV[1] ~= '' then
  redis.call('PEXPIREAT', z, ARGV[1])
  redis.call('PEXPIREAT', h, ARGV[1])
end
return 1
`;

/** KEYS: z, h. ARGV: athleteId. Returns { 0-based rank from the top, score } or nil. */
export const RANK_SCRIPT = `
local member = redis.call('HGET', KEYS[2], ARGV[1])
if not member then return nil end
local rank = redis.call('ZREVRANK', KEYS[1], member)
if not rank then return nil end
return { rank, redis.call('ZSCORE', KEYS[1], member) }
`;

/**
 * KEYS: z, h. ARGV: athlete ids. Returns, for each athlete on the board, { athleteId, 0-based rank, score }
 * (flattened; scores as strings, so that a fractional score stays exact).
 */
export const RANKS_SCRIPT = `
local members = redis.call('HMGET', KEYS[2], unpack(ARGV))
local out = {}
for i, member in ipairs(members) do
  if member then
    local rank = redis.call('ZREVRANK', KEYS[1], member)
    if rank then
      out[#out + 1] = ARGV[i]
      out[#out + 1] = rank
      out[#out + 1] = redis.call('ZSCORE', KEYS[1], member)
    end
  end
end
return out
`;
