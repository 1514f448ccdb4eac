-- wrk script of the bench (bench/lib/wrk.ts runs it): sends the bench's requests and counts what came
-- back, so a run with a failed answer gives no figure. The same counting runs for every server, raw
-- included, so the load generator's own cost is the same for all. Read from the environment:
--   WRK_METHOD         GET or POST
--   WRK_BODY_FILE      one request body for every request (optional)
--   WRK_BODIES_FILE    request bodies, one per line (JSON has no raw newlines), and
--   WRK_SEQUENCE_FILE  which body each request sends, 0-based indices one per line, used in turn
-- Headers come on wrk's command line (-H). done() prints one line: "WRK_RESULT <json>".

local function readAll(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

wrk.method = os.getenv("WRK_METHOD") or "GET"
local bodyFile = os.getenv("WRK_BODY_FILE")
if bodyFile and bodyFile ~= "" then wrk.body = readAll(bodyFile) end

local bodiesFile = os.getenv("WRK_BODIES_FILE")
if bodiesFile and bodiesFile ~= "" then
  local bodies = {}
  for line in io.lines(bodiesFile) do bodies[#bodies + 1] = line end
  local sequence = {}
  for line in io.lines(os.getenv("WRK_SEQUENCE_FILE")) do sequence[#sequence + 1] = tonumber(line) + 1 end
  local position = 0
  -- Defined only when bodies vary: without request(), wrk sends one prebuilt request, which is cheaper.
  request = function()
    position = position % #sequence + 1
    return wrk.format(nil, nil, nil, bodies[sequence[position]])
  end
end

-- Per thread (each wrk thread has its own Lua state); done() adds them up.
responses = 0
non2xx = 0
graphqlErrors = 0
xCache = {}

function response(status, headers, body)
  responses = responses + 1
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  elseif body and string.find(body, '"errors":[', 1, true) then
    graphqlErrors = graphqlErrors + 1
  end
  local cache = "none"
  for name, value in pairs(headers) do
    if string.lower(name) == "x-cache" then cache = value end
  end
  xCache[cache] = (xCache[cache] or 0) + 1
end

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
end

local function quoted(text)
  return '"' .. string.gsub(tostring(text), '[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end) .. '"'
end

function done(summary, latency, requests)
  local totals = { responses = 0, non2xx = 0, graphqlErrors = 0 }
  local cacheTotals = {}
  for _, thread in ipairs(threads) do
    for name in pairs(totals) do totals[name] = totals[name] + thread:get(name) end
    for value, count in pairs(thread:get("xCache")) do cacheTotals[value] = (cacheTotals[value] or 0) + count end
  end
  local cacheParts = {}
  for value, count in pairs(cacheTotals) do cacheParts[#cacheParts + 1] = quoted(value) .. ":" .. count end
  local errors = summary.errors
  io.write(string.format(
    'WRK_RESULT {"durationMicros":%d,"requests":%d,"responses":%d,"non2xx":%d,"graphqlErrors":%d,' ..
      '"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,' ..
      '"latencyMeanMicros":%.1f,"latencyP50Micros":%d,"latencyP99Micros":%d,"latencyMaxMicros":%d,"xCache":{%s}}\n',
    summary.duration, summary.requests, totals.responses, totals.non2xx, totals.graphqlErrors,
    errors.connect, errors.read, errors.write, errors.timeout,
    latency.mean, latency:percentile(50), latency:percentile(99), latency.max, table.concat(cacheParts, ",")))
end
