package storage

import "github.com/redis/go-redis/v9"

// The Lua scripts of a RedisState. Each runs atomically on the server, so
// each State method takes effect whole or not at all, and each is safe to
// run twice (go-redis retries a command whose reply was lost).
//
// Every script gets the crawl's keys in the order of redisKeys.all, so the
// prelude can name them; all carry the crawl id as a hash tag ({id}), so
// they live in one slot of a Redis Cluster too. Times come from the
// server's clock (TIME), so workers on machines whose clocks differ agree
// on lease deadlines.
//
// Key roles: urls (hash URL -> p pending, l leased, d done, f failed, a alias of
// a page done) is the seen set; queue (sorted set, score priority*2^32+sequence) the pending
// requests; leased (sorted set, score the lease deadline in ms) and owner
// (hash URL -> "queue-score worker") the leases; reqs (hash URL -> Request
// JSON) the requests queued or leased; claims (hash post key -> "worker\nURL")
// the posts a lease is writing.
const luaPrelude = `
local K_INFO, K_SEQ, K_URLS, K_QUEUE, K_LEASED, K_OWNER, K_REQS, K_FAILED,
      K_POSTS, K_CLAIMS, K_THREADS, K_OUTPUTS, K_COUNTS = unpack(KEYS)

local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

-- owner_of returns the worker holding u's lease and the score u had in the queue.
local function owner_of(u)
  local o = redis.call('HGET', K_OWNER, u)
  if not o then return nil, nil end
  local score, worker = string.match(o, '^(%S+) (.*)$')
  return worker, score
end

-- live_owner returns the worker whose lease on u has not expired, or nil.
local function live_owner(u, now)
  local worker = owner_of(u)
  if not worker then return nil end
  local deadline = tonumber(redis.call('ZSCORE', K_LEASED, u))
  if not deadline or deadline < now then return nil end
  return worker
end

-- unlease puts a leased u back in the queue where it stood.
local function unlease(u)
  local _, score = owner_of(u)
  redis.call('ZREM', K_LEASED, u)
  redis.call('HDEL', K_OWNER, u)
  if score then
    redis.call('ZADD', K_QUEUE, score, u)
    redis.call('HSET', K_URLS, u, 'p')
  end
end

-- reclaim returns expired leases to the queue, at most 100 a call.
local function reclaim(now)
  local expired = redis.call('ZRANGEBYSCORE', K_LEASED, '-inf', '(' .. now, 'LIMIT', 0, 100)
  for _, u in ipairs(expired) do unlease(u) end
  return #expired
end

-- enqueue queues u with request JSON r at priority prio.
local function enqueue(u, prio, r)
  local seq = redis.call('INCR', K_SEQ)
  redis.call('ZADD', K_QUEUE, tonumber(prio) * 4294967296 + seq, u)
  redis.call('HSET', K_URLS, u, 'p')
  redis.call('HSET', K_REQS, u, r)
end

-- add queues u when never seen; it returns 1 when it did.
local function add(u, prio, r)
  if redis.call('HEXISTS', K_URLS, u) == 1 then return 0 end
  enqueue(u, prio, r)
  return 1
end

-- requeue queues u again unless pending or leased; it returns 1 when it did.
local function requeue(u, prio, r)
  local st = redis.call('HGET', K_URLS, u)
  if st == 'p' or st == 'l' then return 0 end
  if st == 'd' then redis.call('HINCRBY', K_COUNTS, 'done', -1) end
  if st == 'f' then
    redis.call('HINCRBY', K_COUNTS, 'failed', -1)
    redis.call('HDEL', K_FAILED, u)
  end
  enqueue(u, prio, r)
  return 1
end

-- finish gives u the state st ('d' or 'f'), taking it out of the queue or
-- its lease. It returns false, changing nothing, when another worker holds
-- a live lease on u: that worker finishes it.
local function finish(u, st, worker, now)
  local prev = redis.call('HGET', K_URLS, u)
  if prev == 'l' then
    local w = live_owner(u, now)
    if w and w ~= worker then return false end
    redis.call('ZREM', K_LEASED, u)
    redis.call('HDEL', K_OWNER, u)
  elseif prev == 'p' then
    redis.call('ZREM', K_QUEUE, u)
  elseif prev == 'd' then
    redis.call('HINCRBY', K_COUNTS, 'done', -1)
  elseif prev == 'f' then
    redis.call('HINCRBY', K_COUNTS, 'failed', -1)
    redis.call('HDEL', K_FAILED, u)
  end
  redis.call('HSET', K_URLS, u, st)
  redis.call('HDEL', K_REQS, u)
  redis.call('HINCRBY', K_COUNTS, st == 'd' and 'done' or 'failed', 1)
  return true
end

-- put_thread records a thread mark from JSON raw; it returns 1 for a new
-- thread. Two workers may commit a thread's pages out of order, so a mark
-- never moves back: a higher last page already recorded stays, with its URL
-- and last post.
local function put_thread(u, raw)
  local old = redis.call('HGET', K_THREADS, u)
  if old then
    local o, n = cjson.decode(old), cjson.decode(raw)
    if (tonumber(o.last_page) or 0) > (tonumber(n.last_page) or 0) then
      n.last_page, n.last_page_url, n.last_post_id = o.last_page, o.last_page_url, o.last_post_id
      raw = cjson.encode(n)
    end
  end
  return redis.call('HSET', K_THREADS, u, raw)
end

-- put_posts records post marks from ARGV[i..] (key, mark pairs), n of them,
-- and drops their claims.
local function put_posts(i, n)
  local added = 0
  for j = 0, n - 1 do
    local k = ARGV[i + 2 * j]
    added = added + redis.call('HSET', K_POSTS, k, ARGV[i + 2 * j + 1])
    redis.call('HDEL', K_CLAIMS, k)
  end
  if added > 0 then redis.call('HINCRBY', K_COUNTS, 'posts', added) end
  return i + 2 * n
end
`

// scriptLease: ARGV worker, lease ms. Returns {url, request JSON} or nil.
var scriptLease = redis.NewScript(luaPrelude + `
local now = now_ms()
reclaim(now)
local top = redis.call('ZPOPMIN', K_QUEUE)
if #top == 0 then return false end
local u, score = top[1], top[2]
redis.call('ZADD', K_LEASED, now + tonumber(ARGV[2]), u)
redis.call('HSET', K_OWNER, u, score .. ' ' .. ARGV[1])
redis.call('HSET', K_URLS, u, 'l')
return {u, redis.call('HGET', K_REQS, u) or ''}
`)

// scriptReclaim returns all expired leases to the queue and, with ARGV[1]
// a worker, that worker's leases too. Returns how many it returned.
var scriptReclaim = redis.NewScript(luaPrelude + `
local now = now_ms()
local n = 0
repeat
  local k = reclaim(now)
  n = n + k
until k < 100
if ARGV[1] ~= '' then
  local owned = redis.call('HGETALL', K_OWNER)
  for i = 1, #owned, 2 do
    local _, w = string.match(owned[i + 1], '^(%S+) (.*)$')
    if w == ARGV[1] then
      unlease(owned[i])
      n = n + 1
    end
  end
end
return n
`)

// scriptRelease: ARGV worker, url. Returns 1 when the lease was the worker's.
var scriptRelease = redis.NewScript(luaPrelude + `
if redis.call('HGET', K_URLS, ARGV[2]) ~= 'l' then return 0 end
local w = owner_of(ARGV[2])
if w ~= ARGV[1] then return 0 end
unlease(ARGV[2])
return 1
`)

// scriptAdd: ARGV requeue (0/1), n, then n (url, priority, request JSON).
// Returns how many it queued.
var scriptAdd = redis.NewScript(luaPrelude + `
local put = ARGV[1] == '1' and requeue or add
local n = 0
for j = 0, tonumber(ARGV[2]) - 1 do
  n = n + put(ARGV[3 + 3 * j], ARGV[4 + 3 * j], ARGV[5 + 3 * j])
end
return n
`)

// scriptDone: ARGV worker, number of pages, then for each page its URL,
// output path, output JSON, the counts nAliases, nLinks, nRequeue, nPosts,
// nThreads, then the aliases, the links and requeues as (url, priority,
// JSON), the posts as (key, mark), the threads as (url, JSON). Returns how
// many pages it marked done: a page another worker's live lease holds stays
// with that worker, the rest it leaves recorded all the same.
var scriptDone = redis.NewScript(luaPrelude + `
local now = now_ms()
local worker = ARGV[1]
local finished, nthreads = 0, 0
local i = 3
for page = 1, tonumber(ARGV[2]) do
  local u, path, out = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local na, nl, nr, np, nt = tonumber(ARGV[i + 3]), tonumber(ARGV[i + 4]), tonumber(ARGV[i + 5]), tonumber(ARGV[i + 6]), tonumber(ARGV[i + 7])
  i = i + 8
  if finish(u, 'd', worker, now) then finished = finished + 1 end
  for j = 1, na do redis.call('HSETNX', K_URLS, ARGV[i], 'a'); i = i + 1 end
  for j = 1, nl do add(ARGV[i], ARGV[i + 1], ARGV[i + 2]); i = i + 3 end
  for j = 1, nr do requeue(ARGV[i], ARGV[i + 1], ARGV[i + 2]); i = i + 3 end
  i = put_posts(i, np)
  for j = 1, nt do
    nthreads = nthreads + put_thread(ARGV[i], ARGV[i + 1])
    i = i + 2
  end
  if path ~= '' then redis.call('HSET', K_OUTPUTS, path, out) end
end
if nthreads > 0 then redis.call('HINCRBY', K_COUNTS, 'threads', nthreads) end
return finished
`)

// scriptFail: ARGV worker, url, failure JSON. Returns 1, or 0 when another
// worker's live lease kept the page.
var scriptFail = redis.NewScript(luaPrelude + `
if not finish(ARGV[2], 'f', ARGV[1], now_ms()) then return 0 end
redis.call('HSET', K_FAILED, ARGV[2], ARGV[3])
return 1
`)

// scriptAddPosts: ARGV output path, output JSON, n, then n (key, mark).
var scriptAddPosts = redis.NewScript(luaPrelude + `
put_posts(4, tonumber(ARGV[3]))
if ARGV[1] ~= '' then redis.call('HSET', K_OUTPUTS, ARGV[1], ARGV[2]) end
return 1
`)

// scriptClaim: ARGV worker, url, lease ms, n, then n (post key, edit time
// in µs or 0). Returns for each post the revision to write, or -1 for a
// post not to write. The worker's lease on url is renewed; a lapsed lease
// nobody else took is taken back; a page another worker holds gives all -1.
var scriptClaim = redis.NewScript(luaPrelude + `
local worker, u = ARGV[1], ARGV[2]
local now = now_ms()
local n = tonumber(ARGV[4])
local out = {}
local st = redis.call('HGET', K_URLS, u)
local other = st == 'l' and live_owner(u, now)
if other and other ~= worker then
  for j = 1, n do out[j] = -1 end
  return out
end
if st == 'l' then
  local _, score = owner_of(u)
  redis.call('HSET', K_OWNER, u, score .. ' ' .. worker)
  redis.call('ZADD', K_LEASED, now + tonumber(ARGV[3]), u)
elseif st == 'p' then
  local score = redis.call('ZSCORE', K_QUEUE, u)
  redis.call('ZREM', K_QUEUE, u)
  redis.call('HSET', K_OWNER, u, score .. ' ' .. worker)
  redis.call('ZADD', K_LEASED, now + tonumber(ARGV[3]), u)
  redis.call('HSET', K_URLS, u, 'l')
end
local mine = worker .. '\n' .. u
for j = 1, n do
  local key, edited = ARGV[3 + 2 * j], tonumber(ARGV[4 + 2 * j])
  local rev = 0
  local mark = redis.call('HGET', K_POSTS, key)
  if mark then
    local us, r = string.match(mark, '^(%S+) (%S+)$')
    if edited > tonumber(us) then rev = tonumber(r) + 1 else rev = -1 end
  end
  if rev >= 0 then
    local c = redis.call('HGET', K_CLAIMS, key)
    if c and c ~= mine then
      local cw, cu = string.match(c, '^(.-)\n(.*)$')
      if cw and live_owner(cu, now) == cw then rev = -1 end
    end
  end
  if rev >= 0 then redis.call('HSET', K_CLAIMS, key, mine) end
  out[j] = rev
end
return out
`)

// scriptCounts returns done, failed, posts, threads, queued, leased, and
// leases still live.
var scriptCounts = redis.NewScript(luaPrelude + `
local c = redis.call('HMGET', K_COUNTS, 'done', 'failed', 'posts', 'threads')
local now = now_ms()
return {tonumber(c[1]) or 0, tonumber(c[2]) or 0, tonumber(c[3]) or 0, tonumber(c[4]) or 0,
  redis.call('ZCARD', K_QUEUE), redis.call('ZCARD', K_LEASED),
  redis.call('ZCOUNT', K_LEASED, now, '+inf')}
`)

// redisScripts are loaded into the server when a state opens, so the first
// call of each costs one round trip like the later ones.
var redisScripts = []*redis.Script{
	scriptLease, scriptReclaim, scriptRelease, scriptAdd, scriptDone,
	scriptFail, scriptAddPosts, scriptClaim, scriptCounts,
}
