-- Fixed-window request counters, checked and counted in one atomic step: a request is admitted
-- only when every limit that applies to it has room left, and only admitted requests count.
-- Every key holds one counter and expires when its window ends (Redis keeps the clock, so
-- replicas need no synchronised clocks). Keys share a {hash tag}: one slot on a Redis Cluster.
--
-- KEYS: one counter per limit.  ARGV: limit1, window1_ms, limit2, window2_ms, ...
-- Returns {admitted (1|0), i, remaining, reset_ms} for the limit i (1-based) that decides: the
-- refusing one that frees up last, else the one with the least room left.
local ttls = {}
local refusing = 0
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[2 * i - 1])
  local window = tonumber(ARGV[2 * i])
  local ttl = redis.call('PTTL', key)
  local count = 0
  if ttl == -1 then
    redis.call('PEXPIRE', key, window) -- a counter without expiry must never block for ever
    ttl = window
  end
  if ttl < 0 then
    ttl = window
  else
    count = tonumber(redis.call('GET', key) or '0')
  end
  ttls[i] = ttl
  if count >= limit and (refusing == 0 or ttl > ttls[refusing]) then
    refusing = i
  end
end
if refusing > 0 then
  return {0, refusing, 0, ttls[refusing]}
end
local decisive, least = 1, nil
for i, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  if count == 1 then
    redis.call('PEXPIRE', key, ARGV[2 * i])
  end
  local remaining = tonumber(ARGV[2 * i - 1]) - count
  if least == nil or remaining < least then
    least, decisive = remaining, i
  end
end
return {1, decisive, least, ttls[decisive]}
