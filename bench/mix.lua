-- wrk script: the request mix of bench/load.sh, the same in both runs.
-- 3 of 4 requests: GET /snippets/ (the paginated list); 1 of 4: POST /snippets/ creating a snippet.
-- Every request carries the session of user tom (logged in once by load.sh with the login form); POSTs carry
-- the CSRF header a session write needs. So each POST passes the permission check with groutines off (owner
-- tom) and with them on (check skipped, owner vitalii): 201 in both runs, the same work, no BCrypt per request
-- (Basic auth would hash the password on every POST and swamp what is measured).
-- Environment: BENCH_SESSION (sessionid), BENCH_CSRF (csrftoken).

local session = os.getenv("BENCH_SESSION") or ""
local csrf = os.getenv("BENCH_CSRF") or ""
local cookie = "sessionid=" .. session .. "; csrftoken=" .. csrf
local counter = 0
local get, post

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
end

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local non2xx = summary.errors.status
   local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
   -- one machine-readable line for load.sh
   io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d\n",
      summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, non2xx, socket))
end
