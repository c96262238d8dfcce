-- wrk reporting hook: one JSON line with requests/s, p95 latency and error counts.
-- Optional environment: WRK_COOKIE, WRK_CSRF, WRK_BODY (POST body; then the request is a POST).
local cookie = os.getenv("WRK_COOKIE")
local csrf = os.getenv("WRK_CSRF")
local body = os.getenv("WRK_BODY")
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end
if body and body ~= "" then
  wrk.method = "POST"
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-CSRFToken"] = csrf
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'WRKJSON {"requests": %d, "seconds": %.3f, "rps": %.1f, "p95_ms": %.2f, "non2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(95) / 1000, summary.errors.status, errors))
end
