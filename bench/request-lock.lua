-- wrk script for bench/request-lock.sh: anonymous requests, 3 of 4 GET /snippets/, 1 of 4 POST /snippets/ (which
-- the demo's seed groutines let through: 201, owner vitalii). Counts every status and prints the counts at the end.
local counter = 0
local get, post
local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

statuses = {}

function init(args)
   get = wrk.format("GET", "/snippets/", { ["Accept"] = "application/json" })
   post = wrk.format("POST", "/snippets/", { ["Content-Type"] = "application/json" },
      '{"title":"under a lock","code":"print(1)"}')
end

function request()
   counter = counter + 1
   if counter % 4 == 0 then
      return post
   end
   return get
end

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local total = {}
   for _, thread in ipairs(threads) do
      local s = thread:get("statuses")
      for status, n in pairs(s) do
         total[status] = (total[status] or 0) + n
      end
   end
   local line = "statuses:"
   for status, n in pairs(total) do
      line = line .. " " .. status .. "=" .. n
   end
   io.write(line .. "\n")
end
