-- wrk script for `annals serve`: each request is the next of a cycle of filtered
-- /api/events queries (a dashboard's kind: type, country, dates, actor kind, place,
-- full text; a page of 100 with the total count).
--   wrk -t2 -c64 -d30s --latency -s bench/serve_wrk.lua http://127.0.0.1:PORT
local paths = {
  "/api/events?type=PROTEST&country=US&limit=100",
  "/api/events?type=ASSAULT&since=2020-01-01&until=2020-12-31&limit=100",
  "/api/events?country=NL&actor_kind=police&limit=100",
  "/api/events?type=PROTEST,COERCE&country=IN&since=2015-01-01&until=2015-06-30&sort=mentions&limit=100",
  "/api/events?near=52.37,4.90,50&limit=100",
  "/api/events?text=tear%20gas&limit=100",
  "/api/events?acled_type=Riots&country=US&limit=100",
  "/api/events?bbox=-5,20,15,45&type=ASSAULT&limit=100",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
