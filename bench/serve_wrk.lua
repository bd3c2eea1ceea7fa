-- wrk script for `annals serve`: each request is the next of a cycle of filtered
-- /api/events queries, a page of 100 with its total (counted up to the cap).
--   wrk -t2 -c64 -d30s --latency -s bench/serve_wrk.lua http://127.0.0.1:PORT
-- ANNALS_WRK_MIX=all (default): plain filters (type, country, dates, ACLED type, box)
-- and set filters (actor kind, radius, full text); =plain: the plain ones only.
local plain = {
  "/api/events?type=PROTEST&country=US&limit=100",
  "/api/events?type=ASSAULT&since=2020-01-01&until=2020-12-31&limit=100",
  "/api/events?type=PROTEST,COERCE&country=IN&since=2015-01-01&until=2015-06-30&sort=mentions&limit=100",
  "/api/events?acled_type=Riots&country=US&limit=100",
  "/api/events?bbox=-5,20,15,45&type=ASSAULT&limit=100",
  "/api/events?country=NL&since=2021-01-01&until=2021-03-31&limit=100",
}
local sets = {
  "/api/events?country=NL&actor_kind=police&limit=100",
  "/api/events?near=52.37,4.90,50&limit=100",
  "/api/events?text=tear%20gas&limit=100",
}
local paths = {}
for _, p in ipairs(plain) do paths[#paths + 1] = p end
if os.getenv("ANNALS_WRK_MIX") ~= "plain" then
  for _, p in ipairs(sets) do paths[#paths + 1] = p end
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
