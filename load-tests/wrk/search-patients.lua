-- wrk script: GET /api/v1/patients?name=<term> over search terms (one per line in $TERMS_FILE),
-- bearer token in $TOKEN. Used for the name-search figure in the root README.
local terms = {}
local token = os.getenv("TOKEN")
for line in io.lines(os.getenv("TERMS_FILE")) do terms[#terms + 1] = line end
local i = 0
request = function()
  i = i + 1
  local term = terms[(i % #terms) + 1]:gsub("([^%w])", function(c) return string.format("%%%02X", string.byte(c)) end)
  return wrk.format("GET", "/api/v1/patients?size=20&name=" .. term, {["Authorization"] = "Bearer " .. token})
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, errors %d (status %d)\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
