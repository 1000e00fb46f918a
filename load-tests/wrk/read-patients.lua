-- wrk script: GET /api/v1/patients/{id} over a list of ids (one per line in $IDS_FILE),
-- with the bearer token in $TOKEN. Used for the cached-read figure in the root README.
local ids = {}
local token = os.getenv("TOKEN")
for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/patients/" .. ids[(i % #ids) + 1], {["Authorization"] = "Bearer " .. token})
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, errors %d (status %d)\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
