-- wrk's summary as one line the load benchmark reads: requests/s, latency percentiles in
-- milliseconds (wrk measures in microseconds), non-2xx answers and socket errors.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    "REPORT requests=%d rps=%.2f p50=%.3f p95=%.3f p99=%.3f max=%.3f non2xx=%d errors=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
