-- wrk script: POST /api/v1/patients with varied synthetic patients (duplicate check on),
-- bearer token in $TOKEN. Used for the registration figure in the root README.
local token = os.getenv("TOKEN")
local run = tostring(os.time())
local counter = 0
local consonants, vowels = "bdfgklmnprstvz", "aeiou"
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
init = function()
  math.randomseed(os.time() * 100 + id) -- each thread its own patients
end

local function word(syllables)
  local s = {}
  for _ = 1, syllables do
    local c = math.random(#consonants)
    local v = math.random(#vowels)
    s[#s + 1] = consonants:sub(c, c) .. vowels:sub(v, v)
  end
  local name = table.concat(s)
  return name:sub(1, 1):upper() .. name:sub(2)
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"name":{"family":"%sń","given":["%s","Łucja"]},"birthDate":"%04d-%02d-%02d","gender":"female",'
      .. '"identifiers":[{"system":"national-id","value":"wrk-%s-%d-%d-%d"}],"phone":"+48 600 %03d %03d",'
      .. '"email":"zofia@example.org","address":{"line":["ul. Długa 5"],"city":"Kraków","postalCode":"31-147",'
      .. '"country":"PL"},"emergencyContact":{"name":"Jan Kowalski","relationship":"spouse","phone":"+48 600 100 201"},'
      .. '"preferredLanguage":"pl"}',
    word(4), word(3), math.random(1930, 2020), math.random(1, 12), math.random(1, 28), run, id, math.random(1e9), counter,
    math.random(999), math.random(999))
  return wrk.format("POST", "/api/v1/patients",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, socket errors %d, non-2xx %d\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
