-- wrk script: the request mix of bench/load.sh, the same in every run.
-- 3 of 4 requests: GET /snippets/ (the paginated list); 1 of 4: POST /snippets/ creating a snippet.
-- Every request carries the session of user tom (logged in once by load.sh with the login form); POSTs carry
-- the CSRF header a session write needs. So each POST passes the permission check with groutines off (owner
-- tom), with the seed groutines on (check skipped, owner vitalii) and with observe_seed (check run, owner tom):
-- 201 in every run, one insert each, no BCrypt per request (Basic auth would hash the password on every POST and
-- swamp what is measured).
-- Environment: BENCH_SESSION (sessionid), BENCH_CSRF (csrftoken).
--
-- A fixed number of requests (BENCH_REQUESTS per thread, with BENCH_DONE_FILE): each thread stops after that many
-- responses and creates the file, on which load.sh interrupts wrk; the rate is counted from this script's first
-- request to its last response. So every run of every variant sends the same sequence of requests and ends with
-- the same number of snippets. This matters: the list sorts all snippets (by created, which has no index) on every
-- GET, so a request costs more the more snippets there are, and in a run of fixed duration the faster variant would
-- create more of them and be slowed down by its own speed. BENCH_REQUESTS unset or 0: wrk's duration decides.

local session = os.getenv("BENCH_SESSION") or ""
local csrf = os.getenv("BENCH_CSRF") or ""
local cookie = "sessionid=" .. session .. "; csrftoken=" .. csrf
local counter = 0
local get, post

-- per thread (globals, read by done() through thread:get): responses counted, first request and last response time
limit = tonumber(os.getenv("BENCH_REQUESTS") or "0") or 0
counted = 0
first = nil
last = nil
local clock
if limit > 0 then
   local ffi = require("ffi") -- wrk's Lua is LuaJIT
   ffi.cdef[[ typedef struct { long tv_sec; long tv_nsec; } bench_timespec; int clock_gettime(int clk_id, bench_timespec *tp); ]]
   local ts = ffi.new("bench_timespec")
   clock = function()
      ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
      return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) / 1e9
   end
end

function init(args)
   get = wrk.format("GET", "/snippets/", { ["Cookie"] = cookie, ["Accept"] = "application/json" })
   post = wrk.format("POST", "/snippets/", {
      ["Cookie"] = cookie,
      ["X-CSRFToken"] = csrf,
      ["Content-Type"] = "application/json",
      ["Accept"] = "application/json",
   }, '{"title":"load","code":"print(\\"hello\\")","language":"python"}')
end

function request()
   if clock and not first then
      first = clock()
   end
   counter = counter + 1
   if counter % 4 == 0 then
      return post
   end
   return get
end

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

local bad = 0

function response(status, headers, body)
   if status ~= 200 and status ~= 201 then
      bad = bad + 1
      if bad <= 3 then
         io.stderr:write("unexpected status " .. status .. ": " .. string.sub(body or "", 1, 200) .. "\n")
      end
   end
   if limit > 0 and counted < limit then
      counted = counted + 1
      if counted == limit then
         last = clock()
         wrk.thread:stop()
         local done = io.open(os.getenv("BENCH_DONE_FILE") or "/dev/null", "a")
         if done then
            done:write("done\n")
            done:close()
         end
      end
   end
end

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   if limit > 0 then
      -- from the first request of any thread to the last response of the last thread to finish
      local from, to = nil, nil
      for _, thread in ipairs(threads) do
         local f, l = thread:get("first"), thread:get("last")
         if f and (not from or f < from) then from = f end
         if l and (not to or l > to) then to = l end
      end
      if from and to and to > from then
         seconds = to - from
      end
   end
   local non2xx = summary.errors.status
   local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
   -- one machine-readable line for load.sh
   io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d\n",
      summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, non2xx, socket))
end
